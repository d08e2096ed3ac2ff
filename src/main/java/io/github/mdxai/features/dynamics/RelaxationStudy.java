package io.github.mdxai.features.dynamics;

import io.github.mdxai.io.ExtendedXyz;
import io.github.mdxai.particles.LiquidProtocol;
import io.github.mdxai.particles.SoftSphereMixture;
import io.github.mdxai.util.Progress;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Long reproduction (not a test): prepares a Bernu-Hansen liquid at one Gamma, runs production and measures
 * tau_alpha. Arguments: gamma n equilibrationSteps productionSteps intervalSteps outFolder [threads] [seed].
 * Prints {@code gamma,T,n,equilibration_tau,production_tau,k,tau_alpha,tau_first_half,tau_second_half,...}.
 */
public final class RelaxationStudy {

    private RelaxationStudy() {
    }

    public static void main(String[] args) {
        double gamma = Double.parseDouble(args[0]);
        int n = Integer.parseInt(args[1]);
        long eq = Long.parseLong(args[2]);
        long prod = Long.parseLong(args[3]);
        long interval = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        long seed = args.length > 7 ? Long.parseLong(args[7]) : 1;
        SoftSphereMixture m = SoftSphereMixture.BERNU_HANSEN;
        double density = m.density();
        double dt = 0.005;
        double t = m.temperature(gamma, density);
        long start = System.nanoTime();
        LiquidProtocol.Result r = LiquidProtocol.run(new LiquidProtocol.Parameters(m, n, density, t, dt, eq, prod,
                interval, seed, threads), out, Progress.NONE);
        double simSeconds = (System.nanoTime() - start) / 1e9;
        RelaxationAnalysis.Result a = RelaxationAnalysis.analyse(ExtendedXyz.read(out.resolve("trajectory.xyz")), dt, 0, 0,
                200, Progress.NONE);
        RelaxationAnalysis.write(a, out);
        System.out.println("gamma,T,n,equilibration_tau,production_tau,k_peak,tau_alpha,tau_alpha_first_half,"
                + "tau_alpha_second_half,mean_T,mean_pe_per_atom,energy_stationary,sim_seconds");
        System.out.printf(Locale.ROOT, "%.3f,%.5f,%d,%.1f,%.1f,%.4f,%.5g,%.5g,%.5g,%.5f,%.6f,%b,%.0f%n", gamma, t, n,
                eq * dt, prod * dt, a.kPeak(), a.tauAlpha(), a.tauAlphaFirstHalf(), a.tauAlphaSecondHalf(),
                r.meanTemperature(), r.meanPotentialEnergyPerAtom(), r.energyStationary(), simSeconds);
    }
}
