package dev.comptoir.saga.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable list over an array the caller gives up (no copy). */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final E[] items;

    FrozenList(E[] items) {
        this.items = items;
    }

    @Override
    public E get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
