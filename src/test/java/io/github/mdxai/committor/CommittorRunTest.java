package io.github.mdxai.committor;

import io.github.mdxai.molecules.Topology;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.GromacsTopology;
import io.github.mdxai.util.CancelledException;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.Progress;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommittorRunTest {

    static final Path ALA2 = Path.of("test-data/ala2");
    static final Path TOPOLOGY = ALA2.resolve("processed.top");
    static final Path TRANSITION = Path.of("test-data/committor/transition.gro");
    static final Topology TOP = GromacsTopology.read(TOPOLOGY);
    static final List<double[]> TS = Configurations.read(TRANSITION, TOP);

    static ShootingParameters parameters(int shots, double tmax, long seed) {
        return new ShootingParameters(shots, tmax, 300, seed, "langevin", 1.0, 0.001, "none", 5);
    }

    static Path run(List<double[]> configs, ShootingParameters p, ShardSpec shard, int threads, Path dir) {
        CommittorRun run = new CommittorRun(TOP, configs, CommittorStates.alanineDipeptide(), p, shard, threads, dir);
        return run.process(Progress.NONE).results();
    }

    static String[] cells(Path file, int config) {
        return CommittorFile.read(file, false).rows().get(config).split(",");
    }

    @Test
    void deepInAGivesZeroAndDeepInBGivesOne(@TempDir Path dir) {
        List<double[]> all = Configurations.read(ALA2.resolve("conformations.gro"), TOP);
        // frame 1 is C7eq (phi -78, psi 73), frame 2 C7ax (phi 68, psi -62)
        Path file = run(List.of(all.get(1), all.get(2)), parameters(20, 0.2, 1), ShardSpec.WHOLE, 2, dir);
        String[] a = cells(file, 0), b = cells(file, 1);
        assertArrayEquals(new String[]{"0", "0", "20", "0", "0", "0"}, java.util.Arrays.copyOf(a, 6));
        assertArrayEquals(new String[]{"1", "1", "0", "20", "0"}, java.util.Arrays.copyOf(b, 5));
        assertEquals("1", b[6]);
        assertEquals("0", a[7], "committed at the start");
        // Wilson bound with all n shots agreeing: z^2 / (n + z^2)
        double z2 = 1.959963984540054 * 1.959963984540054;
        assertEquals(z2 / (20 + z2), Double.parseDouble(a[6]), 1e-12);
        assertEquals(1 - z2 / (20 + z2), Double.parseDouble(b[5]), 1e-12);
    }

    @Test
    void shotsLeaveTheStartingStateAndCommitToEither(@TempDir Path dir) {
        Path file = run(TS.subList(0, 2), parameters(16, 1.0, 3), ShardSpec.WHOLE, 2, dir);
        for (int c = 0; c < 2; c++) {
            String[] row = cells(file, c);
            int nA = Integer.parseInt(row[2]), nB = Integer.parseInt(row[3]);
            assertTrue(nA > 0 && nB > 0, "transition-state configuration " + c + " commits both ways: " + String.join(",", row));
            double t = Double.parseDouble(row[7]);
            assertTrue(t > 0.02 && t < 1.0, "mean commit time " + t);
        }
    }

    @Test
    void oneAndTwoThreadsWriteIdenticalFiles(@TempDir Path dir) throws Exception {
        ShootingParameters p = parameters(6, 0.4, 7);
        Path one = run(TS.subList(0, 3), p, ShardSpec.WHOLE, 1, dir.resolve("one"));
        Path two = run(TS.subList(0, 3), p, ShardSpec.WHOLE, 2, dir.resolve("two"));
        assertEquals(Files.readString(one), Files.readString(two));
        assertFalse(Files.exists(CommittorFile.journal(one)), "journal removed once complete");
    }

    @Test
    void twoSeedsAgreeWithinBinomialError(@TempDir Path dir) throws Exception {
        int shots = 30;
        Path s1 = run(TS, parameters(shots, 1.0, 11), ShardSpec.WHOLE, 2, dir.resolve("s1"));
        Path s2 = run(TS, parameters(shots, 1.0, 12), ShardSpec.WHOLE, 2, dir.resolve("s2"));
        assertNotEquals(Files.readString(s1).split("\n", 6)[5], Files.readString(s2).split("\n", 6)[5]);
        // Pearson chi-square of the 2 x 2 table (seed x outcome) per configuration, summed: df = configurations
        double chi2 = 0;
        int df = 0;
        for (int c = 0; c < TS.size(); c++) {
            double[] nA = {Double.parseDouble(cells(s1, c)[2]), Double.parseDouble(cells(s2, c)[2])};
            double[] nB = {Double.parseDouble(cells(s1, c)[3]), Double.parseDouble(cells(s2, c)[3])};
            double totalA = nA[0] + nA[1], totalB = nB[0] + nB[1];
            if (totalA == 0 || totalB == 0) {
                continue;
            }
            for (int s = 0; s < 2; s++) {
                double n = nA[s] + nB[s], all = totalA + totalB;
                double eA = n * totalA / all, eB = n * totalB / all;
                chi2 += (nA[s] - eA) * (nA[s] - eA) / eA + (nB[s] - eB) * (nB[s] - eB) / eB;
            }
            df++;
        }
        assertTrue(df >= 4, "most transition configurations commit both ways");
        double pValue = 1 - new ChiSquaredDistribution(df).cumulativeProbability(chi2);
        assertTrue(pValue > 0.001, "seeds disagree: chi2 " + chi2 + " with " + df + " df, p = " + pValue);
    }

    @Test
    void shardsMergeIntoTheWholeRun(@TempDir Path dir) throws Exception {
        ShootingParameters p = parameters(4, 0.3, 5);
        Path whole = run(TS.subList(0, 5), p, ShardSpec.WHOLE, 2, dir.resolve("whole"));
        Path shards = dir.resolve("shards");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            files.add(run(TS.subList(0, 5), p, new ShardSpec(i, 3), 1, shards));
        }
        assertEquals(List.of(0), new ArrayList<>(CommittorFile.read(files.get(0), false).rows().keySet()));
        assertEquals(List.of(3, 4), new ArrayList<>(CommittorFile.read(files.get(2), false).rows().keySet()));
        CommittorFile.Content merged = CommittorFile.merge(List.of(files.get(2), files.get(0), files.get(1)));
        Path out = dir.resolve("merged.csv");
        CommittorFile.write(out, merged.header(), merged.rows());
        assertEquals(Files.readString(whole), Files.readString(out));

        InputException missing = assertThrows(InputException.class, () -> CommittorFile.merge(files.subList(0, 2)));
        assertTrue(missing.getMessage().contains("missing shard(s) [3]"), missing.getMessage());
        Path other = run(TS.subList(0, 5), parameters(4, 0.3, 6), new ShardSpec(3, 3), 1, dir.resolve("otherSeed"));
        InputException different = assertThrows(InputException.class,
                () -> CommittorFile.merge(List.of(files.get(0), files.get(1), other)));
        assertTrue(different.getMessage().contains("different run") && different.getMessage().contains("seed=6"), different.getMessage());
        InputException twice = assertThrows(InputException.class, () -> CommittorFile.merge(List.of(files.get(0), files.get(0))));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
    }

    @Test
    void shardSpecsAreChecked() {
        assertEquals(new ShardSpec(2, 8), ShardSpec.parse(" 2/8 "));
        for (String bad : List.of("3/2", "0/4", "1/0", "a/b", "2", "1/2/3")) {
            InputException e = assertThrows(InputException.class, () -> ShardSpec.parse(bad));
            assertTrue(e.getMessage().startsWith("shard: expected i/n"), e.getMessage());
        }
        ShardSpec s = new ShardSpec(3, 3);
        assertEquals(1333, s.from(2000));
        assertEquals(2000, s.to(2000));
    }

    @Test
    void cancelThenRerunGivesTheUninterruptedFile(@TempDir Path dir) throws Exception {
        ShootingParameters p = parameters(8, 0.4, 9);
        List<double[]> many = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            many.add(TS.get(k % TS.size()));
        }
        Path reference = run(many, p, ShardSpec.WHOLE, 2, dir.resolve("reference"));
        Path folder = dir.resolve("resumed");
        CommittorRun first = new CommittorRun(TOP, many, CommittorStates.alanineDipeptide(), p, ShardSpec.WHOLE, 1, folder);
        Path journal = CommittorFile.journal(first.resultsFile());
        Progress cancelAfterOneConfiguration = new Progress() {
            @Override
            public void fraction(double done) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public boolean cancelled() {
                return Files.exists(journal) && CommittorFile.read(journal, true).rows().size() >= 1;
            }
        };
        assertThrows(CancelledException.class, () -> first.process(cancelAfterOneConfiguration));
        int rows = CommittorFile.read(journal, false).rows().size();
        assertTrue(rows >= 1 && rows < many.size(), rows + " configurations in the journal after cancel");
        assertFalse(Files.exists(first.resultsFile()));
        // a kill while appending leaves a torn line: the rerun drops it
        Files.writeString(journal, "5,0.4,3,2", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path resumed = run(many, p, ShardSpec.WHOLE, 2, folder);
        assertEquals(Files.readString(reference), Files.readString(resumed));
    }

    @Test
    void killedProcessRerunGivesTheUninterruptedFile(@TempDir Path dir) throws Exception {
        List<double[]> many = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            many.add(TS.get(k % TS.size()));
            titles.add("copy " + k);
        }
        Path configs = dir.resolve("many.gro");
        GroFile.write(configs, TOP, titles, many, null, new double[]{3, 3, 3}, 6);
        int shots = 20;
        double tmax = 0.4;
        Path folder = dir.resolve("killed");
        Path journal = CommittorFile.journal(CommittorFile.resultsIn(folder, ShardSpec.WHOLE));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "-XX:TieredStopAtLevel=1", CommittorKillDriver.class.getName(), TOPOLOGY.toString(), configs.toString(),
                folder.toString(), Integer.toString(shots), Double.toString(tmax), "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int rowsAtKill = -1;
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(journal) && Files.readString(journal).split("\n").length >= 6) {
                process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
                process.waitFor();
                rowsAtKill = CommittorFile.read(journal, true).rows().size();
                break;
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        assertTrue(rowsAtKill >= 1 && rowsAtKill < many.size(),
                "killed midway: " + rowsAtKill + " rows; driver log: " + Files.readString(dir.resolve("driver.log")));
        assertFalse(Files.exists(CommittorFile.resultsIn(folder, ShardSpec.WHOLE)));
        ShootingParameters p = parameters(shots, tmax, 1);
        Path resumed = run(Configurations.read(configs, TOP), p, ShardSpec.WHOLE, 2, folder);
        Path reference = run(Configurations.read(configs, TOP), p, ShardSpec.WHOLE, 2, dir.resolve("reference"));
        assertEquals(Files.readString(reference), Files.readString(resumed));
    }

    @Test
    void aDifferentRunIsRefusedAndExistingResultsStayIntact(@TempDir Path dir) throws Exception {
        Path file = run(TS.subList(0, 2), parameters(3, 0.2, 1), ShardSpec.WHOLE, 1, dir);
        byte[] before = Files.readAllBytes(file);
        InputException e = assertThrows(InputException.class, () -> new CommittorRun(TOP, TS.subList(0, 2),
                CommittorStates.alanineDipeptide(), parameters(3, 0.2, 2), ShardSpec.WHOLE, 1, dir));
        assertTrue(e.getMessage().contains("different run") && e.getMessage().contains("seed=2"), e.getMessage());
        assertThrows(InputException.class, () -> new CommittorRun(TOP, TS.subList(0, 3),
                CommittorStates.alanineDipeptide(), parameters(3, 0.2, 1), ShardSpec.WHOLE, 1, dir));
        assertArrayEquals(before, Files.readAllBytes(file));
        // the same run again has nothing left to do and leaves the file as it was
        run(TS.subList(0, 2), parameters(3, 0.2, 1), ShardSpec.WHOLE, 2, dir);
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void badInputsGiveClearErrors(@TempDir Path dir) throws Exception {
        // configurations that do not match the topology: 21 atoms, or atoms in another order
        List<String> lines = new ArrayList<>(Files.readAllLines(TRANSITION).subList(0, 25));
        List<String> short21 = new ArrayList<>(lines);
        short21.set(1, "   21");
        short21.remove(23);
        Path bad = dir.resolve("short.gro");
        Files.write(bad, short21);
        InputException count = assertThrows(InputException.class, () -> Configurations.read(bad, TOP));
        assertTrue(count.getMessage().contains("21 atoms but the topology has 22"), count.getMessage());
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        Path renamed = dir.resolve("swapped.gro");
        Files.write(renamed, swapped);
        InputException names = assertThrows(InputException.class, () -> Configurations.read(renamed, TOP));
        assertTrue(names.getMessage().contains("do not match the topology"), names.getMessage());

        Path overlapping = dir.resolve("states.csv");
        Files.writeString(overlapping, "state,cv,unit,min,max\nA,phi,deg,-180,0\nA,psi,deg,-180,180\nB,phi,deg,-10,90\n");
        InputException overlap = assertThrows(InputException.class, () -> CommittorStates.read(overlapping));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "state,cv,unit,min,max\nA,phi,deg,-180,-60\nB,phi,deg,30,90\nC,phi,deg,100,120\n");
        assertTrue(assertThrows(InputException.class, () -> CommittorStates.read(three)).getMessage().contains("expected two states"));
        Path unknownCv = dir.resolve("cv.csv");
        Files.writeString(unknownCv, "state,cv,unit,min,max\nA,r6-99,nm,0,0.3\nB,r6-99,nm,0.5,1\n");
        CommittorStates far = CommittorStates.read(unknownCv);
        InputException range = assertThrows(InputException.class,
                () -> new CommittorRun(TOP, TS, far, parameters(2, 0.1, 1), ShardSpec.WHOLE, 1, dir.resolve("none")));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
        assertFalse(Files.exists(dir.resolve("none")), "nothing written for bad input");

        double[] clash = TS.get(0).clone();
        System.arraycopy(clash, 0, clash, 3 * 21, 3); // NME HH33 on top of ACE HH31: no finite energy
        InputException unstable = assertThrows(InputException.class, () -> run(List.of(TS.get(1), clash),
                parameters(2, 0.1, 1), ShardSpec.WHOLE, 2, dir.resolve("clash")));
        assertTrue(unstable.getMessage().startsWith("configuration 1, shot ") && unstable.getMessage().contains("unstable"),
                unstable.getMessage());

        assertThrows(InputException.class, () -> parameters(0, 1, 1));
        assertThrows(InputException.class, () -> parameters(10, -1, 1));
        assertThrows(InputException.class, () -> new ShootingParameters(10, 1, 300, 1, "brownian", 1, 0.001, "none", 5));
        InputException tooMany = assertThrows(InputException.class,
                () -> new CommittorRun(TOP, TS, CommittorStates.alanineDipeptide(), parameters(2, 0.1, 1), new ShardSpec(7, 7), 1, dir));
        assertTrue(tooMany.getMessage().contains("more parts than"), tooMany.getMessage());
    }

    @Test
    void wilsonIntervalOfKnownCounts() {
        CommittorEstimate e = new CommittorEstimate(60, 40, 3, 0.25);
        assertEquals(0.4, e.pB());
        // Wilson 95%: (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = 1.959964
        double z = 1.959963984540054, n = 100, p = 0.4;
        double center = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        assertEquals(center - half, e.wilson()[0], 1e-12);
        assertEquals(center + half, e.wilson()[1], 1e-12);
        assertEquals(0.3094, e.wilson()[0], 1e-4);
        assertTrue(Double.isNaN(new CommittorEstimate(0, 0, 5, Double.NaN).pB()));
        assertEquals("3,NaN,0,0,5,0,1,NaN", CommittorFile.row(3, new CommittorEstimate(0, 0, 5, Double.NaN)));
    }
}
