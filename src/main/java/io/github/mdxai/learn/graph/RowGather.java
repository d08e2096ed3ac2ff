package io.github.mdxai.learn.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * SameDiff's gather of rows, x[indices] along the first axis, with a gradient that works and stays linear.
 * DL4J 1.0.0-M2.1's own {@code Gather.doDiff} fails as soon as a graph holds more than one gather, and its unsorted
 * segment sum (the textbook gradient) costs seconds on 10^5 rows. For the model's sender gather (indices
 * {@link GatModel#SENDER}, one per slot) the gradient of node j is the sum over the slots whose sender is j, listed in
 * {@link GatModel#OUT_SLOTS}: one more gather and a sum over its slot axis. Other row gathers of a vector get the
 * unsorted segment sum. SameDiff clones a graph through FlatBuffers before differentiating it, re-creating each op
 * from the class registered for its name, so this class is registered for "gather" ({@link #register}).
 */
public class RowGather extends Gather {

    private static boolean registered;

    /** For SameDiff's reflective instantiation. */
    public RowGather() {
    }

    public RowGather(SameDiff sd, SDVariable x, SDVariable indices) {
        super(sd, x, indices, 0);
    }

    /** x[indices] along the first axis: shape indices.shape + x.shape[1:]. */
    public static SDVariable rows(SameDiff sd, SDVariable x, SDVariable indices) {
        register();
        return new RowGather(sd, x, indices).outputVariable();
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable indices = args().length > 1 ? arg(1) : null;
        if (indices == null || jaxis != 0) {
            return super.doDiff(gradients);
        }
        SDVariable x = arg(0);
        SDVariable g = gradients.get(0);
        SDVariable dx;
        if (GatModel.SENDER.equals(indices.name()) && sameDiff.hasVariable(GatModel.OUT_SLOTS)) {
            // out-slot lists are padded with a padding slot, whose gradient is exactly zero (zero attention)
            dx = sameDiff.sum(new Gather(sameDiff, g, sameDiff.getVariable(GatModel.OUT_SLOTS), 0)
                    .outputVariable(), 1);
        } else {
            long[] indexShape = indices.getShape();
            if (indexShape != null && indexShape.length != 1) {
                return super.doDiff(gradients);
            }
            SDVariable rows = sameDiff.sizeAt(x, 0).castTo(DataType.INT);
            dx = new UnsortedSegmentSum(sameDiff, g, indices, rows).outputVariable();
        }
        return List.of(dx, sameDiff.zerosLike(indices));
    }
    /** Makes SameDiff re-create every "gather" op as a RowGather (idempotent). */
    @SuppressWarnings("unchecked")
    public static synchronized void register() {
        if (registered) {
            return;
        }
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Field converters = DifferentialFunctionClassHolder.class.getDeclaredField("nodeConverters");
            converters.setAccessible(true);
            ((Map<String, Object>) converters.get(holder)).put(new Gather().opName(), new RowGather());
            Field byHash = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
            byHash.setAccessible(true);
            ((Map<Long, Class<?>>) byHash.get(holder)).replaceAll((hash, c) -> c == Gather.class ? RowGather.class : c);
            Field byHashAndName = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
            byHashAndName.setAccessible(true);
            for (Map<String, Class<?>> m : ((Map<Long, Map<String, Class<?>>>) byHashAndName.get(holder)).values()) {
                m.replaceAll((name, c) -> c == Gather.class ? RowGather.class : c);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register the row gather's gradient with SameDiff "
                    + "(built for DL4J 1.0.0-M2.1)", e);
        }
        registered = true;
    }
}
