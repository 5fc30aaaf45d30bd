package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.ObjectArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.CharsetSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.EnumSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.EnumSetSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.PriorityQueueSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kryo with gipc's rules for classes it has not met before: the {@link ClassPolicy} decides whether to accept a
 * class, and the choice of serializer keeps JDK classes away from Kryo's field-by-field serializer (which needs
 * {@code --add-opens} on JDK 17+ and would silently lose state).
 *
 * <p>For a class without a registration: throwables share one registration ({@link ThrowableSerializer}); a
 * serializable lambda goes through Java serialization; a non-serializable lambda, a dynamic proxy and a refused class
 * fail the encode. For a JDK class: a collection or map whose whole state is its contents uses Kryo's collection and
 * map serializers (bounded); any other {@link Serializable} JDK class goes through the {@link JavaSerialShell}; a
 * JDK class that is neither is refused. Application classes use Kryo's defaults (records, collections), with the
 * collection serializers bounded and records guarded against cycles, except that plain classes are serialized
 * field by field through method handles ({@link FieldHandlesSerializer}) instead of Kryo's reflection.
 *
 * <p>Not thread-safe, like every Kryo instance.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // Kryo's signatures are raw
final class GipcKryo extends Kryo {

    /** JDK collection classes whose whole state is their elements, rebuilt by Kryo through add/put. */
    private final Set<Class<?>> rebuildable;

    private final ClassPolicy policy;
    private final Map<Class<?>, Registration> shared = new IdentityHashMap<>();
    private Registration throwables;
    private Registration lambdas;

    GipcKryo(ClassPolicy policy, Set<Class<?>> rebuildable) {
        super(new PolicyClassResolver(policy), new CycleGuard());
        this.policy = policy;
        this.rebuildable = rebuildable;
    }

    /** Sets the registrations that all throwables and all serializable lambdas share. */
    void shareRegistrations(Registration throwables, Registration lambdas) {
        this.throwables = throwables;
        this.lambdas = lambdas;
    }

    @Override
    public Registration getRegistration(Class type) {
        Registration registration = getClassResolver().getRegistration(type);
        if (registration != null || policy == null) {
            // registered (gipc's built-in types, or met before), or still inside Kryo's constructor
            return registration != null ? registration : super.getRegistration(type);
        }
        registration = shared.get(type);
        if (registration != null) {
            return registration;
        }
        if (Throwable.class.isAssignableFrom(type)) {
            policy.checkClass(type, true);
            shared.put(type, throwables);
            return throwables;
        }
        if (type.isHidden()) {
            if (!Serializable.class.isAssignableFrom(type)) {
                throw new CodecRefusedException(type.getName() + " cannot be sent: it is a lambda (or another hidden"
                        + " class) that is not Serializable; give it a serializable target type, for example"
                        + " (Comparator<T> & Serializable) (a, b) -> ...");
            }
            shared.put(type, lambdas);
            return lambdas;
        }
        if (Proxy.isProxyClass(type)) {
            throw new CodecRefusedException(type.getName() + " cannot be sent: dynamic proxies are refused");
        }
        policy.checkClass(enumOf(type), true);
        return super.getRegistration(type);
    }

    @Override
    public Serializer getDefaultSerializer(Class type) {
        Serializer<?> chosen = super.getDefaultSerializer(type);
        if (policy == null || !JdkClasses.isJdk(type) || type.isArray()) {
            return bounded(type, chosen);
        }
        // a JDK class met by name (not one of the registered ones): Kryo's serializers for its supertypes are
        // only faithful for these; Kryo's collection serializers would make a wrapper, a view or a bounded queue
        // without a constructor and add to it, its TimeZone and Calendar serializers keep only the id and time
        if (chosen instanceof EnumSerializer
                || chosen instanceof EnumSetSerializer
                || chosen instanceof CharsetSerializer
                || (type.getName().startsWith("java.sql.")
                        && KryoFactory.SQL_DATE_SERIALIZERS.contains(
                                chosen.getClass().getName()))
                || chosen instanceof ShellSerializer
                || chosen instanceof RefusingSerializer) {
            return chosen;
        }
        if (rebuildable.contains(type)) {
            return bounded(type, chosen);
        }
        return jdkFallback(type);
    }

    @Override
    protected Serializer newDefaultSerializer(Class type) {
        if (policy != null && JdkClasses.isJdk(type) && !type.isArray() && !type.isPrimitive()) {
            return jdkFallback(type);
        }
        if (policy != null && !type.isArray() && !type.isPrimitive() && !type.isInterface()) {
            Serializer<?> fields = FieldHandlesSerializer.forClass(type);
            if (fields != null) {
                return fields;
            }
        }
        return super.newDefaultSerializer(type);
    }

    private Serializer<?> jdkFallback(Class<?> type) {
        if (Serializable.class.isAssignableFrom(type)) {
            return new ShellSerializer(type, policy);
        }
        return new RefusingSerializer(type.getName() + " cannot be sent: it is a JDK class that gipc's codec has no"
                + " serializer for and that is not Serializable"
                + (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                        ? " (a view or wrapper of another collection?); send a copy such as new ArrayList<>(...)"
                        : "; send the values it holds instead"));
    }

    private Serializer<?> bounded(Class<?> type, Serializer<?> chosen) {
        Class<?> kind = chosen.getClass();
        if (kind == CollectionSerializer.class) {
            return new BoundedSerializers.GrowableCollections();
        }
        if (kind == MapSerializer.class) {
            return new BoundedSerializers.GrowableMaps();
        }
        if (kind == PriorityQueueSerializer.class) {
            return new BoundedSerializers.PriorityQueues();
        }
        if (kind == ObjectArraySerializer.class) {
            return new BoundedSerializers.ObjectArrays(this, type);
        }
        if (chosen instanceof RecordSerializer) {
            return new PartsFirst(chosen);
        }
        return chosen;
    }

    /** An enum constant with a body has its own class, which stands for the enum. */
    private static Class<?> enumOf(Class<?> type) {
        if (!type.isEnum()
                && Enum.class.isAssignableFrom(type)
                && type.getSuperclass().isEnum()) {
            return type.getSuperclass();
        }
        return type;
    }
}
