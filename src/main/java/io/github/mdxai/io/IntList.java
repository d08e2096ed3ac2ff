package io.github.mdxai.io;

import java.util.Arrays;

/** Growable int array for the topology builder. */
final class IntList {
    private int[] data = new int[16];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    int[] array() {
        return Arrays.copyOf(data, size);
    }
}
