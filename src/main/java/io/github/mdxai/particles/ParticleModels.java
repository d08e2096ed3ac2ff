package io.github.mdxai.particles;

import io.github.mdxai.util.InputException;

import java.util.List;

/** The one registry of particle models: adding a model is one class and one line here. */
public final class ParticleModels {

    /** Every model, the default (Bernu-Hansen soft spheres, the model of Study B) first. */
    public static final List<ParticleModel> ALL = List.of(
            SoftSphereMixture.BERNU_HANSEN,
            KobAndersen.MIXTURE);

    private ParticleModels() {
    }

    public static ParticleModel byDefault() {
        return ALL.get(0);
    }

    /** The model with this key (case and surrounding blanks ignored); an unknown key names the known ones. */
    public static ParticleModel byKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(java.util.Locale.ROOT);
        for (ParticleModel m : ALL) {
            if (m.key().equals(k)) {
                return m;
            }
        }
        throw new InputException("model is '" + key + "', expected one of " + String.join(", ", keys()));
    }

    public static List<String> keys() {
        return ALL.stream().map(ParticleModel::key).toList();
    }
}
