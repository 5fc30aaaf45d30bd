package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import java.util.IdentityHashMap;

/**
 * Kryo's reference resolver (shared references and cycles), with a guard for values that are built from their
 * parts: records, immutable collections, {@code Optional}, the collection wrappers, exceptions, and everything that
 * goes through Java serialization. Their decoder reads the parts first and creates the object last, so a part that
 * refers back to the object would decode as {@code null} or as a half-built stand-in: silent corruption.
 *
 * <p>On encode, serializers of such values {@linkplain #enter(Kryo, Object) mark} the object while they write its
 * parts; a reference back to a marked object fails the encode, naming its class. On decode, a reference to an
 * object that is not built yet fails too (only corrupt or hostile bytes get there).
 */
final class CycleGuard extends MapReferenceResolver {

    private final IdentityHashMap<Object, Boolean> building = new IdentityHashMap<>();

    /** Marks {@code object} as being written from its parts; call {@link #exit} in a finally block after them. */
    static void enter(Kryo kryo, Object object) {
        ((CycleGuard) kryo.getReferenceResolver()).building.put(object, Boolean.TRUE);
    }

    /** Ends the mark of {@link #enter}. */
    static void exit(Kryo kryo, Object object) {
        ((CycleGuard) kryo.getReferenceResolver()).building.remove(object);
    }

    @Override
    public int getWrittenId(Object object) {
        int id = super.getWrittenId(object);
        if (id != -1 && !building.isEmpty() && building.containsKey(object)) {
            throw new CodecRefusedException("the message contains a cycle through a "
                    + object.getClass().getName()
                    + ", which is rebuilt from its parts (like a record, an immutable collection or an exception)"
                    + " and so cannot contain itself; break the cycle with a mutable class");
        }
        return id;
    }

    @Override
    @SuppressWarnings("rawtypes") // Kryo's signature
    public Object getReadObject(Class type, int id) {
        Object object = super.getReadObject(type, id);
        if (object == null) {
            throw new KryoException("the message refers back to a " + type.getName()
                    + " that is still being built from its parts: it is corrupt");
        }
        return object;
    }

    @Override
    public void reset() {
        super.reset();
        building.clear();
    }
}
