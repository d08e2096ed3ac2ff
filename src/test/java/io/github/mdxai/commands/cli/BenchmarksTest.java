package io.github.mdxai.commands.cli;

import io.github.mdxai.util.Benchmark;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarksTest {

    @Test
    void everyBenchmarkIsFoundByTypeUnderItsOwnName() {
        List<String> names = Benchmark.all().stream().map(Benchmark::name).toList();
        assertEquals(List.of("md", "softsphere", "descriptors", "committor", "gat"), names);
        Benchmark.all().forEach(b -> assertTrue(!b.description().isBlank(), b.name()));
    }

    @Test
    void anUnknownNameIsAUsageErrorThatListsTheBenchmarks() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Benchmarks.run(List.of("nosuch"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Mdxai.USAGE, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown benchmark 'nosuch'") && text.contains("gat"), text);
    }

    @Test
    void argumentsAfterOneNameGoToThatBenchmark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a missing input file: the arguments reached the benchmark, which reports it as bad input
        int code = Benchmarks.run(List.of("committor", "no-such.top", "no-such.gro", "target/x"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Mdxai.USAGE, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("# benchmark committor: "));
    }
}
