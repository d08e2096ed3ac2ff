package io.github.mdxai.particles;

/**
 * The quantity that selects a state point of a particle model and how it maps to the temperature at a number
 * density: the temperature itself for most models, the effective coupling Gamma for soft spheres (whose states
 * depend on density and temperature only through it).
 */
public interface StateParameter {

    /** The temperature itself (eps/k_B). */
    StateParameter TEMPERATURE = new StateParameter() {
        @Override
        public String key() {
            return "temperature";
        }

        @Override
        public String description() {
            return "temperature T (eps/k_B)";
        }

        @Override
        public double temperature(double value, double density) {
            return value;
        }

        @Override
        public double value(double temperature, double density) {
            return temperature;
        }
    };

    /** Lower-case key, as a command parameter or a summary row names it. */
    String key();

    /** What it is, for people. */
    String description();

    /** The temperature that a value of the parameter sets at a number density. */
    double temperature(double value, double density);

    /** The parameter's value at a temperature and number density. */
    double value(double temperature, double density);
}
