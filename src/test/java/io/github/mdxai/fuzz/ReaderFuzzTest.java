package io.github.mdxai.fuzz;

import io.github.mdxai.committor.CommittorEstimate;
import io.github.mdxai.committor.CommittorFile;
import io.github.mdxai.committor.CommittorStates;
import io.github.mdxai.committor.ShardSpec;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.cv.StateRegion;
import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.io.GroFile;
import io.github.mdxai.io.LammpsData;
import io.github.mdxai.io.LammpsDump;
import io.github.mdxai.io.PdbFile;
import io.github.mdxai.learn.CommittorData;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.learn.CommittorTrainer;
import io.github.mdxai.learn.NativeThreads;
import io.github.mdxai.learn.NetworkSpec;
import io.github.mdxai.learn.SyntheticCommittorData;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file a user can feed MD_XAI, mutated: each reader must answer with a one-line InputException naming the
 * file (or read it), never another exception, a hang, or an allocation sized by a number it read. The topology
 * reader has its own class (GromacsTopologyFuzzTest); graph data sets and GAT model folders are in learn.graph.
 */
class ReaderFuzzTest {

    static final int CASES = 150;
    static final long SEED = 14;
    private static final Path DATA = Path.of("test-data");
    private static final List<String> SUMMARY = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterAll
    static void printSummary() {
        System.out.println("reader fuzz summary:\n  " + String.join("\n  ", SUMMARY));
    }

    private void fuzz(String name, byte[] valid, String fileName, Fuzz.Reader reader) throws Exception {
        Fuzz.Outcome outcome = Fuzz.run(name, valid, dir.resolve(fileName), CASES, SEED, reader);
        SUMMARY.add(name + ": " + outcome.cases() + " cases, " + outcome.failures().size() + " failed");
        assertTrue(outcome.failures().isEmpty(), outcome.report(name));
    }

    @Test
    void groFiles() throws Exception {
        fuzz("gro", Files.readAllBytes(DATA.resolve("ala2/conformations.gro")), "frames.gro", GroFile::read);
    }

    @Test
    void pdbFiles() throws Exception {
        fuzz("pdb", Files.readAllBytes(DATA.resolve("ala2/conformations.pdb")), "frames.pdb", PdbFile::read);
    }

    @Test
    void lammpsDataFiles() throws Exception {
        fuzz("lammps data", Files.readAllBytes(DATA.resolve("softsphere/config_N1000.data")), "config.data",
                LammpsData::readWithMasses);
    }

    @Test
    void lammpsDumps() throws Exception {
        byte[] dump = Files.readAllBytes(DATA.resolve("softsphere/forces_N1000.dump"));
        fuzz("lammps dump (configurations)", dump, "liquid.dump", LammpsDump::read);
        fuzz("lammps dump (frames)", dump, "liquid.dump", LammpsDump::readFrames);
    }

    @Test
    void extendedXyzFiles() throws Exception {
        Path xyz = dir.resolve("valid.xyz");
        ExtendedXyz.write(xyz, LammpsDump.read(DATA.resolve("softsphere/forces_N1000.dump")));
        fuzz("extended xyz", Files.readAllBytes(xyz), "trajectory.xyz", ExtendedXyz::read);
    }

    @Test
    void csvTablesSuchAsColvar() throws Exception {
        StringBuilder colvar = new StringBuilder("time_ps,phi_deg,psi_deg,bias_kjmol\n");
        for (int i = 0; i < 40; i++) {
            colvar.append(i * 0.5).append(',').append(-80 + i).append(',').append(70 - 2 * i).append(',').append(0.1 * i).append('\n');
        }
        fuzz("csv (colvar)", colvar.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "colvar.csv", file -> {
            CsvTable t = CsvTable.read(file);
            int phi = t.columnIndexAnyUnit("phi_deg");
            for (int r = 0; r < t.rowCount(); r++) {
                t.number(r, phi);
            }
        });
    }

    @Test
    void featureTables() throws Exception {
        Path valid = SyntheticCommittorData.write(dir.resolve("valid_features.csv"), 40, 6, 20, 3);
        fuzz("csv (features)", Files.readAllBytes(valid), "features.csv",
                file -> CommittorData.load(file, "pB", CommittorData.DEFAULT_FEATURES));
    }

    @Test
    void stateFiles() throws Exception {
        Path valid = dir.resolve("valid_states.csv");
        StatePair defaults = StatePair.alanineDipeptide();
        StateRegion.write(valid, List.of(defaults.a(), defaults.b()));
        fuzz("csv (states)", Files.readAllBytes(valid), "states.csv", CommittorStates::read);
    }

    @Test
    void committorResultsJournalsAndShardHeaders() throws Exception {
        CommittorFile.Header header = new CommittorFile.Header("ala2 test run, 8 shots", ShardSpec.parse("2/3"), 12);
        Map<Integer, String> rows = new TreeMap<>();
        for (int c = header.from(); c < header.to(); c++) {
            rows.put(c, CommittorFile.row(c, new CommittorEstimate(c % 5, 8 - c % 5, 0, 0.25 + c)));
        }
        Path valid = dir.resolve("valid_committors.csv");
        CommittorFile.write(valid, header, rows);
        byte[] bytes = Files.readAllBytes(valid);
        fuzz("committors file", bytes, "committors_shard2of3.csv", file -> CommittorFile.read(file, false));
        fuzz("committor journal", bytes, "committors.csv.journal", file -> CommittorFile.read(file, true));
    }

    @Test
    void committorModelZips() throws Exception {
        NativeThreads.use(1);
        Path csv = SyntheticCommittorData.write(dir.resolve("train.csv"), 60, 6, 20, 5);
        CommittorData data = CommittorData.load(csv, "pB", CommittorData.DEFAULT_FEATURES);
        NetworkSpec spec = new NetworkSpec(new int[] {4}, "relu", NetworkSpec.MSE, 2, 16, 3e-3, 1e-5, 2, 11);
        Path valid = dir.resolve("valid_model.zip");
        CommittorTrainer.train(data, "pB", spec, Progress.NONE).model().save(valid);
        fuzz("committor model zip", Files.readAllBytes(valid), "model.zip", CommittorModel::load);
    }
}
