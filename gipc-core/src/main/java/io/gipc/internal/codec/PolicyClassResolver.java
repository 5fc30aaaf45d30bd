package io.gipc.internal.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.IntMap;
import com.esotericsoftware.kryo.util.ObjectMap;

/**
 * Kryo's class resolver, with every class name read from a message checked by the {@link ClassPolicy} before the
 * class is loaded (and without initializing it), so that a peer cannot make this process load or instantiate a
 * refused class. Names are read through {@link BoundedInput}, which bounds their length.
 */
final class PolicyClassResolver extends DefaultClassResolver {

    private final ClassPolicy policy;

    PolicyClassResolver(ClassPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected Registration readName(Input input) {
        int nameId = input.readVarInt(true);
        if (nameIdToClass == null) {
            nameIdToClass = new IntMap<>();
        }
        Class<?> type = nameIdToClass.get(nameId);
        if (type == null) {
            // a class name appears in full the first time a message uses it, then by its id
            String className = input.readString();
            if (className == null || className.isEmpty()) {
                throw new KryoException("the message names a class without a name: it is corrupt");
            }
            type = getTypeByName(className);
            if (type == null) {
                try {
                    type = policy.load(className);
                } catch (ClassNotFoundException e) {
                    throw new KryoException("Unable to find class: " + className, e);
                }
                if (nameToClass == null) {
                    nameToClass = new ObjectMap<>();
                }
                nameToClass.put(className, type);
            }
            nameIdToClass.put(nameId, type);
        }
        return kryo.getRegistration(type);
    }
}
