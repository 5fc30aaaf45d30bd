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

    /** {@code java.sql} is an optional module: its dates get their serializers only where it is present. */
    private static void addSqlDates(Kryo kryo) {
        Class<?> timestamp;
        try {
            timestamp = Class.forName("java.sql.Timestamp", false, ClassLoader.getPlatformClassLoader());
            kryo.addDefaultSerializer(timestamp, (Serializer<?>)
                    Class.forName(TIMESTAMP_SERIALIZER).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            // no java.sql in this runtime: nobody can send its dates either
        }
    }

    private static Set<String> builtInNames() {
        Set<String> names = new HashSet<>(JdkTypes.EXTRA_BUILT_IN);
        JdkTypes.registerAll((type, serializer) -> names.add(type.getName()), null);
        return Set.copyOf(names);
    }
}
