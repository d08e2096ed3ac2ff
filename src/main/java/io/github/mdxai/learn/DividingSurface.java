package io.github.mdxai.learn;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.cv.LinearCombination;
import io.github.mdxai.util.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A coordinate and its dividing value, the surface a committor test restrains configurations to: a CV or a linear
 * combination of CVs at a value (interface units: deg, nm); a committor network's q at q = 0 (p_B = 1/2); or the
 * p_B = 1/2 line of a logistic model in a few distances fitted to measured committors. The description names what
 * defines the surface (e.g. the model file's SHA-256), so that runs on different surfaces are told apart.
 */
public record DividingSurface(CollectiveVariable coordinate, double value, String description) {

    /**
     * The surface of a kind as a user names it: {@code cv} (the coordinate at the value), {@code model} (the network
     * in {@code model} at q = value) or {@code logistic} (the features named by the coordinate, fitted to
     * {@code dataset}).
     */
    public static DividingSurface of(String kind, String coordinate, double value, Path model, Path dataset, int atomCount) {
        return switch (kind) {
            case "cv" -> cv(coordinate, value, atomCount);
            case "model" -> {
                InputException.require(model != null, "model: kind=model needs a committor model zip");
                yield model(model, value, atomCount);
            }
            case "logistic" -> {
                InputException.require(dataset != null, "dataset: kind=logistic needs the committor dataset (features.csv)");
                yield logistic(dataset, List.of(coordinate.strip().split("[\\s,;]+")), atomCount);
            }
            default -> throw new InputException("kind is '" + kind + "', expected cv, model or logistic");
        };
    }

    /** A CV or linear combination such as {@code phi}, {@code r6-10} or {@code 0.8*r6-10 - 1.2*r6-11} at a value. */
    public static DividingSurface cv(String spec, double value, int atomCount) {
        InputException.require(Double.isFinite(value), "value: expected a finite dividing value, got " + value);
        CollectiveVariable cv = LinearCombination.parse(spec, atomCount);
        return new DividingSurface(cv, value, "cv " + cv.name() + " = " + value + " " + cv.interfaceUnit());
    }

    /** A committor network's q at {@code q} (0 is p_B = 1/2). */
    public static DividingSurface model(Path zip, double q, int atomCount) {
        InputException.require(Double.isFinite(q), "value: expected a finite q, got " + q);
        CommittorModel model = CommittorModel.load(zip);
        return new DividingSurface(new CommittorCoordinate(model, atomCount), q,
                "model " + zip.getFileName() + " sha256=" + sha256(zip) + " q = " + q);
    }

    /** The p_B = 1/2 line of a logistic fit of p_B (binomial in nA, nB) to the given features of a dataset. */
    public static DividingSurface logistic(Path dataset, List<String> features, int atomCount) {
        InputException.require(!features.isEmpty(), "coordinate: name the features of the logistic model, e.g. 'r6-10 r6-11'");
        LogisticLine line = LogisticLine.fit(dataset, features);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "logistic pB = sigmoid(%.6g", line.intercept()));
        for (int j = 0; j < features.size(); j++) {
            text.append(String.format(Locale.ROOT, " %+.6g*%s", line.slopes()[j], features.get(j)));
        }
        text.append(") fitted to ").append(dataset.getFileName()).append(" sha256=").append(sha256(dataset));
        return new DividingSurface(line.coordinate(atomCount), line.dividingValue(), text.toString());
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
