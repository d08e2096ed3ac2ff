package io.github.mdxai.committor;

import io.github.mdxai.util.InputException;

/**
 * Part {@code index} of {@code count} of a run ("i/n", 1-based), for cluster job arrays: shard i takes the
 * contiguous configurations [floor((i-1) N / n), floor(i N / n)) of N, so the shards of a run cover every
 * configuration exactly once.
 */
public record ShardSpec(int index, int count) {

    public static final ShardSpec WHOLE = new ShardSpec(1, 1);

    public ShardSpec {
        if (count < 1 || index < 1 || index > count) {
            throw new InputException("shard: expected i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /** Parses "i/n"; blank means the whole run (1/1). */
    public static ShardSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return WHOLE;
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) {
            throw new InputException("shard: expected i/n (e.g. 3/8) with 1 <= i <= n, got '" + text.strip() + "'");
        }
        try {
            return new ShardSpec(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new InputException("shard: expected i/n (e.g. 3/8) with whole numbers 1 <= i <= n, got '" + text.strip() + "'");
        }
    }

    /** First configuration (0-based, inclusive) of this shard among {@code total}. */
    public int from(int total) {
        return (int) ((long) (index - 1) * total / count);
    }

    /** End (0-based, exclusive) of this shard among {@code total}. */
    public int to(int total) {
        return (int) ((long) index * total / count);
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
