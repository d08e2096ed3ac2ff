package io.github.mdxai.particles;

import java.util.function.DoubleBinaryOperator;

/**
 * The quantity that selects a state point of a particle model and how it maps to the temperature at a number
 * density: the temperature itself for most models, the effective coupling Gamma for soft spheres (whose states
 * depend on density and temperature only through it).
 *
 * @param key             lower-case key, as a summary row names it
 * @param description     what it is, for people
 * @param toTemperature   (value, density) -> temperature
 * @param fromTemperature (temperature, density) -> value
 */
public record StateParameter(String key, String description, DoubleBinaryOperator toTemperature,
                             DoubleBinaryOperator fromTemperature) {

    /** The temperature itself (eps/k_B). */
    public static final StateParameter TEMPERATURE = new StateParameter("temperature", "temperature T (eps/k_B)",
            (value, density) -> value, (temperature, density) -> temperature);

    /** The temperature that a value of the parameter sets at a number density. */
    public double temperature(double value, double density) {
        return toTemperature.applyAsDouble(value, density);
    }

    /** The parameter's value at a temperature and number density. */
    public double value(double temperature, double density) {
        return fromTemperature.applyAsDouble(temperature, density);
    }
}
