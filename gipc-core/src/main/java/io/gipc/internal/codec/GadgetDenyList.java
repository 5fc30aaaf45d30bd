package io.gipc.internal.codec;

import java.util.Set;

/**
 * Classes and packages that the default codec never encodes or decodes: the known deserialization gadgets, whose
 * construction or first method call (hashCode, compareTo, toString, a getter) from attacker-chosen field values runs
 * code, opens JNDI or JDBC connections, loads classes or writes files. A child that has been compromised could
 * otherwise name one in the bytes it sends to its parent.
 *
 * <p>Compiled from the families that Jackson's {@code SubTypeValidator}, Jenkins' {@code ClassFilter} and the
 * published Kryo and Java-serialization gadget chains (ysoserial, marshalsec) name. A deny-list cannot be complete;
 * {@link io.gipc.KryoOptions#strict()} is the safe choice when the peer is not trusted.
 */
final class GadgetDenyList {

    private GadgetDenyList() {}

    /** Packages refused with all their classes and sub-packages. */
    static final Set<String> PACKAGES = Set.of(
            // JDK: remote objects, naming, management, scripting, XSLT and bytecode loaders, image-I/O iterators
            "java.rmi",
            "sun.rmi",
            "javax.management",
            "javax.naming",
            "com.sun.jndi",
            "com.sun.corba",
            "javax.script",
            "jdk.nashorn",
            "com.sun.rowset",
            "com.sun.org.apache.xalan",
            "com.sun.org.apache.bcel",
            "com.sun.xml.internal",
            "javax.imageio",
            // Apache Commons, Xalan, BCEL, XBean, database pools
            "org.apache.commons.collections.functors",
            "org.apache.commons.collections4.functors",
            "org.apache.xalan",
            "org.apache.bcel",
            "org.apache.xbean.naming",
            "org.apache.tomcat.dbcp",
            "org.apache.commons.dbcp",
            "org.apache.commons.dbcp2",
            "org.apache.ibatis.datasource",
            "org.apache.log4j.receivers.db",
            "org.apache.openjpa.ee",
            "org.apache.shiro.jndi",
            "org.apache.shiro.realm.jndi",
            "org.apache.ignite.cache.jta.jndi",
            "org.apache.aries.transaction.jms",
            "org.apache.myfaces",
            "org.apache.wicket",
            "org.apache.click",
            // Spring: AOP advisors and factories, JNDI lookups
            "org.springframework.aop",
            "org.springframework.jndi",
            "org.springframework.beans.factory.support",
            // c3p0, Resin, ROME, Rhino, Jython, BeanShell, Hibernate tuplizers, JBoss interceptors, JSON-lib
            "com.mchange.v2.c3p0",
            "com.caucho.naming",
            "com.rometools.rome.feed.impl",
            "com.sun.syndication.feed.impl",
            "org.mozilla.javascript",
            "org.python",
            "bsh",
            "org.hibernate.tuple",
            "org.hibernate.property",
            "org.hibernate.jmx",
            "org.jboss.interceptor",
            "org.jboss.weld.interceptor",
            "net.sf.json",
            "net.sf.ehcache.transaction.manager",
            "clojure.inspector");

    /** Classes refused, with their nested classes. */
    static final Set<String> CLASSES = Set.of(
            // JDK
            "java.lang.ProcessBuilder",
            "java.lang.ProcessImpl",
            "java.lang.UNIXProcess",
            "java.lang.Runtime",
            "java.lang.reflect.Proxy",
            "java.lang.reflect.InvocationHandler",
            "java.lang.reflect.Method",
            "java.lang.reflect.Constructor",
            "java.net.URLClassLoader",
            "java.security.SignedObject",
            "java.util.ServiceLoader",
            "java.util.logging.FileHandler",
            "java.beans.EventHandler",
            "javax.swing.JEditorPane",
            "javax.swing.JTextPane",
            "sun.misc.Service",
            "sun.reflect.annotation.AnnotationInvocationHandler",
            "com.sun.deploy.security.ruleset.DRSHelper",
            // Apache Commons
            "org.apache.commons.beanutils.BeanComparator",
            "org.apache.commons.collections.comparators.TransformingComparator",
            "org.apache.commons.collections4.comparators.TransformingComparator",
            "org.apache.commons.configuration.JNDIConfiguration",
            "org.apache.commons.configuration2.JNDIConfiguration",
            "org.apache.commons.fileupload.disk.DiskFileItem",
            "org.apache.commons.io.output.DeferredFileOutputStream",
            "org.apache.ibatis.parsing.XPathParser",
            "org.apache.cxf.jaxrs.provider.XSLTJaxbProvider",
            "org.apache.axis2.jaxws.spi.handler.HandlerResolverImpl",
            "org.apache.axis2.transport.jms.JMSOutTransportInfo",
            "org.apache.activemq.ActiveMQConnectionFactory",
            "org.apache.activemq.ActiveMQXAConnectionFactory",
            "org.apache.activemq.spring.ActiveMQConnectionFactory",
            "org.apache.activemq.pool.JcaPooledConnectionFactory",
            "org.apache.activemq.pool.XaPooledConnectionFactory",
            // Spring
            "org.springframework.beans.factory.ObjectFactory",
            "org.springframework.beans.factory.config.PropertyPathFactoryBean",
            "org.springframework.beans.factory.config.BeanReferenceFactoryBean",
            "org.springframework.context.support.ClassPathXmlApplicationContext",
            "org.springframework.context.support.FileSystemXmlApplicationContext",
            "org.springframework.core.SerializableTypeWrapper",
            "org.springframework.transaction.jta.JtaTransactionManager",
            // Groovy, logback, pools and JNDI-backed factories of other libraries
            "org.codehaus.groovy.runtime.ConvertedClosure",
            "org.codehaus.groovy.runtime.ConversionHandler",
            "org.codehaus.groovy.runtime.MethodClosure",
            "ch.qos.logback.core.db.JNDIConnectionSource",
            "ch.qos.logback.core.db.DriverManagerConnectionSource",
            "com.caucho.config.types.ResourceRef",
            "com.zaxxer.hikari.HikariConfig",
            "com.zaxxer.hikari.HikariDataSource",
            "com.mysql.cj.jdbc.admin.MiniAdmin",
            "com.p6spy.engine.spy.P6DataSource",
            "com.ibatis.sqlmap.engine.transaction.jta.JtaTransactionConfig",
            "com.vaadin.data.util.NestedMethodProperty",
            "jodd.db.connection.DataSourceConnectionProvider",
            "flex.messaging.util.concurrent.AsynchBeansWorkManagerExecutor",
            "net.sf.ehcache.hibernate.EhcacheJtaTransactionManagerLookup",
            "oracle.jdbc.connector.OracleManagedConnectionFactory",
            "oracle.jdbc.rowset.OracleJDBCRowSet",
            "org.apache.xalan.lib.sql.JNDIConnectionPool",
            "org.hibernate.engine.spi.TypedValue",
            "org.jboss.util.propertyeditor.DocumentEditor",
            "org.quartz.utils.JNDIConnectionProvider",
            "org.slf4j.ext.EventData");
}
