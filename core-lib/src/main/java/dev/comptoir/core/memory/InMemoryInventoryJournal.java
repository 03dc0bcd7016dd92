package dev.comptoir.core.memory;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.JournalTotals;
import dev.comptoir.core.inventory.Movement;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.location.LocationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The movement journal held column by column in growable primitive arrays (29 bytes a row
 * plus the references), so millions of rows fit in a small heap. References are stored once per run of equal
 * consecutive references, as UTF-8 in one byte buffer. Per (kind, location) sums are kept up to
 * date on append. With a row limit, the oldest rows are folded into per (location, product)
 * totals once the journal holds half as many again: {@link #recompute()} still covers every
 * row ever appended, {@link #movements} only the rows kept. Not thread-safe: its owner locks.
 */
final class InMemoryInventoryJournal {
    private static final int KINDS = MovementKind.values().length;

    private final int keptRows;
    /** Rows folded away so far (the id of the first kept row is {@code folded + 1}). */
    private long folded;
    /** (location, product) → [rows, on-hand, reserved] of the folded rows. */
    private final Map<Long, long[]> foldedTotals = new HashMap<>();
    private int size;
    private byte[] kind = new byte[1024];
    private int[] product = new int[1024];
    private int[] location = new int[1024];
    private int[] onHandDelta = new int[1024];
    private int[] reservedDelta = new int[1024];
    private long[] atMillis = new long[1024];
    private int[] refIndex = new int[1024];

    private int refCount;
    private int[] refOffset = new int[1025];
    private byte[] refBytes = new byte[16 * 1024];
    private String lastRef;

    /** location id → [kind*3 + 0 rows, +1 on-hand, +2 reserved]. */
    private final Map<Integer, long[]> sums = new HashMap<>();

    /** A journal that keeps every row. */
    InMemoryInventoryJournal() {
        this(Integer.MAX_VALUE);
    }

    /** A journal that keeps at least the newest {@code keptRows} rows and folds older ones into totals. */
    InMemoryInventoryJournal(int keptRows) {
        if (keptRows < 1) {
            throw new IllegalArgumentException("keptRows must be >= 1, was " + keptRows);
        }
        this.keptRows = keptRows;
    }

    /** True when a row for {@code key} with these deltas fits the compact columns (checked before any write). */
    static boolean fits(StockKey key, long delta) {
        return key.product().value() <= Integer.MAX_VALUE && delta >= Integer.MIN_VALUE && delta <= Integer.MAX_VALUE;
    }

    void append(MovementKind k, StockKey key, long onHand, long reserved, String reference, Instant at) {
        if (!fits(key, onHand) || !fits(key, reserved)) {
            throw new IllegalArgumentException("journal row out of range: " + key + " " + onHand + "/" + reserved);
        }
        if (size >= keptRows && size - keptRows >= keptRows / 2) {
            fold(size - keptRows);
        }
        if (size == kind.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8L, size + (size >> 1));
            kind = Arrays.copyOf(kind, n);
            product = Arrays.copyOf(product, n);
            location = Arrays.copyOf(location, n);
            onHandDelta = Arrays.copyOf(onHandDelta, n);
            reservedDelta = Arrays.copyOf(reservedDelta, n);
            atMillis = Arrays.copyOf(atMillis, n);
            refIndex = Arrays.copyOf(refIndex, n);
        }
        kind[size] = (byte) k.ordinal();
        product[size] = (int) key.product().value();
        location[size] = key.location().value();
        onHandDelta[size] = (int) onHand;
        reservedDelta[size] = (int) reserved;
        atMillis[size] = at.toEpochMilli();
        refIndex[size] = internReference(reference);
        size++;
        long[] s = sums.computeIfAbsent(key.location().value(), l -> new long[KINDS * 3]);
        s[k.ordinal() * 3]++;
        s[k.ordinal() * 3 + 1] += onHand;
        s[k.ordinal() * 3 + 2] += reserved;
    }

    /** Folds the oldest {@code n} rows into {@link #foldedTotals} and shifts the rest down. */
    private void fold(int n) {
        for (int i = 0; i < n; i++) {
            long[] a = foldedTotals.computeIfAbsent(keyOf(location[i], product[i]), k -> new long[3]);
            a[0]++;
            a[1] += onHandDelta[i];
            a[2] += reservedDelta[i];
        }
        int rest = size - n;
        System.arraycopy(kind, n, kind, 0, rest);
        System.arraycopy(product, n, product, 0, rest);
        System.arraycopy(location, n, location, 0, rest);
        System.arraycopy(onHandDelta, n, onHandDelta, 0, rest);
        System.arraycopy(reservedDelta, n, reservedDelta, 0, rest);
        System.arraycopy(atMillis, n, atMillis, 0, rest);
        // references still used start at the first kept row's; drop the bytes before it
        int firstRef = rest == 0 ? refCount : refIndex[n];
        int byteShift = refOffset[firstRef];
        System.arraycopy(refBytes, byteShift, refBytes, 0, refOffset[refCount] - byteShift);
        for (int r = firstRef; r <= refCount; r++) {
            refOffset[r - firstRef] = refOffset[r] - byteShift;
        }
        refCount -= firstRef;
        for (int i = 0; i < rest; i++) {
            refIndex[i] = refIndex[i + n] - firstRef;
        }
        if (refCount == 0) {
            lastRef = null;
        }
        folded += n;
        size = rest;
    }

    private static long keyOf(int location, int product) {
        return ((long) location << 32) | (product & 0xFFFFFFFFL);
    }

    private int internReference(String reference) {
        if (reference.equals(lastRef)) {
            return refCount - 1;
        }
        byte[] b = reference.getBytes(StandardCharsets.UTF_8);
        int start = refOffset[refCount];
        if (start + b.length > refBytes.length) {
            refBytes = Arrays.copyOf(refBytes, Math.max(refBytes.length + (refBytes.length >> 1), start + b.length));
        }
        System.arraycopy(b, 0, refBytes, start, b.length);
        if (refCount + 2 > refOffset.length) {
            refOffset = Arrays.copyOf(refOffset, refOffset.length + (refOffset.length >> 1));
        }
        refOffset[refCount + 1] = start + b.length;
        lastRef = reference;
        return refCount++;
    }

    private String reference(int index) {
        int start = refOffset[index];
        return new String(refBytes, start, refOffset[index + 1] - start, StandardCharsets.UTF_8);
    }

    /** Rows appended so far (kept and folded). */
    int size() {
        return (int) Math.min(Integer.MAX_VALUE, folded + size);
    }

    /** Rows kept row by row. */
    int keptSize() {
        return size;
    }

    JournalTotals totals(MovementKind k, LocationId loc) {
        long[] s = sums.get(loc.value());
        if (s == null) {
            return JournalTotals.EMPTY;
        }
        int i = k.ordinal() * 3;
        return new JournalTotals(s[i], s[i + 1], s[i + 2]);
    }

    Map<StockKey, JournalTotals> recompute() {
        Map<Long, long[]> byKey = new HashMap<>();
        foldedTotals.forEach((k, a) -> byKey.put(k, a.clone()));
        for (int i = 0; i < size; i++) {
            long[] a = byKey.computeIfAbsent(keyOf(location[i], product[i]), k -> new long[3]);
            a[0]++;
            a[1] += onHandDelta[i];
            a[2] += reservedDelta[i];
        }
        Map<StockKey, JournalTotals> out = new HashMap<>();
        byKey.forEach((k, a) -> out.put(StockKey.of(ProductId.of(k & 0xFFFFFFFFL), LocationId.of((int) (k >>> 32))),
                new JournalTotals(a[0], a[1], a[2])));
        return out;
    }

    List<Movement> movements(StockKey key, int limit) {
        long p = key.product().value();
        int l = key.location().value();
        if (p > Integer.MAX_VALUE) {
            return List.of();
        }
        Deque<Movement> newest = new ArrayDeque<>();
        for (int i = size - 1; i >= 0 && newest.size() < limit; i--) {
            if (product[i] == p && location[i] == l) {
                newest.addFirst(new Movement(folded + i + 1L, MovementKind.ofOrdinal(kind[i]), key, onHandDelta[i],
                        reservedDelta[i], reference(refIndex[i]), Instant.ofEpochMilli(atMillis[i])));
            }
        }
        return List.copyOf(newest);
    }
}
