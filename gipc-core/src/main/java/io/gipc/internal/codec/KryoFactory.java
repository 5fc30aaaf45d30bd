package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.gipc.KryoOptions;
import java.util.HashSet;
import java.util.Set;
import org.objenesis.strategy.StdInstantiatorStrategy;

/** Builds the Kryo instances of gipc's default codec. */
final class KryoFactory {

    static {
        KryoUnsafe.disable();
    }

    /** Kryo's serializer for {@code java.sql.Timestamp}, named so that nothing loads it without {@code java.sql}. */
    static final String TIMESTAMP_SERIALIZER =
            "com.esotericsoftware.kryo.serializers.DefaultSerializers$TimestampSerializer";

    /** Kryo's serializers that may handle {@code java.sql} dates (by name, for the same reason). */
    static final Set<String> SQL_DATE_SERIALIZERS =
            Set.of(TIMESTAMP_SERIALIZER, "com.esotericsoftware.kryo.serializers.DefaultSerializers$DateSerializer");

    /** Names of the built-in types, which strict mode accepts. */
    static final Set<String> BUILT_IN = builtInNames();

    private KryoFactory() {}

    /**
     * @param options what the codec accepts
     * @param loader the class loader for names in messages, or {@code null} for the context loader
     */
    static Kryo create(KryoOptions options, ClassLoader loader) {
        ClassPolicy policy = new ClassPolicy(options, BUILT_IN, loader);
        GipcKryo kryo = new GipcKryo(policy, JdkTypes.REBUILDABLE);
        kryo.setReferences(true);
        kryo.setRegistrationRequired(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.setClassLoader(policy.loader());
        JdkTypes.registerAll(kryo::register, policy);
        kryo.shareRegistrations(
                kryo.getRegistration(Throwable.class), kryo.getRegistration(JdkTypes.SerializableLambda.class));
        addSqlDates(kryo);
        HandleGuard.register(kryo);
        return kryo;
    }

    /** {@code java.sql} is an optional module: its timestamps get their serializer only where it is present. */
    private static void addSqlDates(Kryo kryo) {
        if (SQL_TIMESTAMP != null) {
            try {
                kryo.addDefaultSerializer(SQL_TIMESTAMP, (Serializer<?>)
                        TIMESTAMP_SERIALIZER_CLASS.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Kryo's timestamp serializer cannot be created", e);
            }
        }
    }

    private static final Class<?> SQL_TIMESTAMP = sqlClass("java.sql.Timestamp");
    private static final Class<?> TIMESTAMP_SERIALIZER_CLASS =
            SQL_TIMESTAMP == null ? null : sqlClass(TIMESTAMP_SERIALIZER);

    private static Class<?> sqlClass(String name) {
        try {
            return Class.forName(name, false, KryoFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // no java.sql in this runtime: nobody can send its dates either
        }
    }

    private static Set<String> builtInNames() {
        Set<String> names = new HashSet<>(JdkTypes.EXTRA_BUILT_IN);
        JdkTypes.registerAll((type, serializer) -> names.add(type.getName()), null);
        return Set.copyOf(names);
    }
}
