package io.github.mdxai.io;

import java.util.Arrays;

/** Growable double array for the topology builder. */
final class DoubleList {
    private double[] data = new double[16];
    private int size;

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    void addAll(double[] values) {
        for (double v : values) {
            add(v);
        }
    }

    double get(int index) {
        return data[index];
    }

    double[] array() {
        return Arrays.copyOf(data, size);
    }
}
