package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.util.List;
import org.objenesis.strategy.StdInstantiatorStrategy;

/** Builds Kryo instances configured for gipc's default codec. */
final class KryoFactory {

    private KryoFactory() {}

    static Kryo create(List<String> allowedClasses) {
        Kryo kryo = new Kryo();
        kryo.setReferences(true);
        kryo.setRegistrationRequired(!allowedClasses.isEmpty());
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            kryo.setClassLoader(loader);
        }
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        HandleGuard.register(kryo);
        for (String name : allowedClasses) {
            try {
                kryo.register(Class.forName(name, false, kryo.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(
                        "Kryo allowlist names class " + name + " which is not on the class path", e);
            }
        }
        return kryo;
    }
}
