package dev.comptoir.saga.internal;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.StepState;
import dev.comptoir.saga.StepTrace;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A saga's timeline as an unmodifiable list kept column-wise: no {@link StepTrace} or {@link Instant}
 * is held, entries are built when read. Every version of a saga's timeline shares the same columns and
 * sees only its own prefix of them, so recording the next invocation on the latest version writes into
 * spare room instead of copying (a compare-and-set on the used count decides who may; anyone else copies).
 */
final class Timeline extends AbstractList<StepTrace> implements RandomAccess {
    private static final Direction[] DIRECTIONS = Direction.values();
    private static final StepState[] STATES = StepState.values();
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int INTS_PER_ENTRY = 4;

    /** Per entry {@code i}: step name at {@code 2i}, last error at {@code 2i + 1}. */
    private final Object[] text;
    /** Slot 0: entries written so far (shared); per entry from {@code 1 + 4i}: attempts, direction/state, start nanos, end nanos. */
    private final int[] ints;
    /** Per entry {@code i}: start epoch second at {@code 2i}, end epoch second at {@code 2i + 1}. */
    private final long[] secs;
    private final int size;

    private Timeline(Object[] text, int[] ints, long[] secs, int size) {
        this.text = text;
        this.ints = ints;
        this.secs = secs;
        this.size = size;
    }

    private static Timeline allocate(int capacity) {
        return new Timeline(new Object[2 * capacity], new int[1 + INTS_PER_ENTRY * capacity], new long[2 * capacity], 0);
    }

    private int capacity() {
        return secs.length / 2;
    }

    /**
     * {@code old} with the entry of the current invocation replaced (when its last entry is the same step
     * and direction: the first start and, without a new error, the last error are kept) or appended.
     */
    static List<StepTrace> record(List<StepTrace> old, String step, Direction dir, StepState state, int attempts,
                                  Instant started, Instant now, String error, int capacityHint) {
        int n = old.size();
        Timeline t = old instanceof Timeline tl ? tl : null;
        boolean replace;
        long firstSec;
        int firstNano;
        String err = error;
        if (n == 0) {
            replace = false;
        } else if (t != null) {
            replace = t.direction(n - 1) == dir && t.text[2 * (n - 1)].equals(step);
        } else {
            StepTrace last = old.get(n - 1);
            replace = last.direction() == dir && last.step().equals(step);
        }
        if (replace) {
            if (t != null) {
                firstSec = t.secs[2 * (n - 1)];
                firstNano = t.ints[3 + INTS_PER_ENTRY * (n - 1)];
                if (err == null) {
                    err = (String) t.text[2 * (n - 1) + 1];
                }
            } else {
                StepTrace last = old.get(n - 1);
                firstSec = last.startedAt().getEpochSecond();
                firstNano = last.startedAt().getNano();
                if (err == null) {
                    err = last.lastError();
                }
            }
        } else {
            firstSec = started.getEpochSecond();
            firstNano = started.getNano();
        }
        int at = replace ? n - 1 : n;
        Timeline target;
        if (!replace && t != null && n < t.capacity() && INTS.compareAndSet(t.ints, 0, n, n + 1)) {
            target = t; // the latest version: write into the shared spare room
        } else {
            target = allocate(Math.max(at + 1, at < capacityHint ? capacityHint : 2 * at));
            if (t != null) {
                System.arraycopy(t.text, 0, target.text, 0, 2 * at);
                System.arraycopy(t.ints, 1, target.ints, 1, INTS_PER_ENTRY * at);
                System.arraycopy(t.secs, 0, target.secs, 0, 2 * at);
            } else {
                for (int i = 0; i < at; i++) {
                    StepTrace e = old.get(i);
                    target.write(i, e.step(), e.direction(), e.state(), e.attempts(), e.startedAt().getEpochSecond(),
                            e.startedAt().getNano(), e.finishedAt(), e.lastError());
                }
            }
            target.ints[0] = at + 1;
        }
        target.write(at, step, dir, state, attempts, firstSec, firstNano, now, err);
        return new Timeline(target.text, target.ints, target.secs, at + 1);
    }

    private void write(int i, String step, Direction dir, StepState state, int attempts, long startSec,
                       int startNano, Instant end, String error) {
        text[2 * i] = step;
        text[2 * i + 1] = error;
        int b = 1 + INTS_PER_ENTRY * i;
        ints[b] = attempts;
        ints[b + 1] = dir.ordinal() | state.ordinal() << 8;
        ints[b + 2] = startNano;
        ints[b + 3] = end.getNano();
        secs[2 * i] = startSec;
        secs[2 * i + 1] = end.getEpochSecond();
    }

    private Direction direction(int i) {
        return DIRECTIONS[ints[2 + INTS_PER_ENTRY * i] & 0xFF];
    }

    @Override
    public StepTrace get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for length " + size);
        }
        int b = 1 + INTS_PER_ENTRY * index;
        int flags = ints[b + 1];
        return new StepTrace((String) text[2 * index], DIRECTIONS[flags & 0xFF], STATES[flags >>> 8], ints[b],
                Instant.ofEpochSecond(secs[2 * index], ints[b + 2]),
                Instant.ofEpochSecond(secs[2 * index + 1], ints[b + 3]), (String) text[2 * index + 1]);
    }

    @Override
    public int size() {
        return size;
    }
}
