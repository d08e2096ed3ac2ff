#!/usr/bin/env python3
"""Same edge-list graph-attention classifier as io.github.mdxai.learn.graph.GatModel, in PyTorch, for timing.

usage: gat_torch_bench.py pair.graphs [layers=2] [width=16] [heads=2] [batch=8] [epochs=2] [threads=1] [iterations=4]
       [warmup=1]
Reads the MD_XAI .graphs format (gzip, big-endian Java DataOutputStream; see GraphDataset). Same inputs (type one-hot
and radial histogram per node; (dx, dy, dz, r) per edge, random rotation per graph; self-loops), same layers (fused
heads, softmax over each receiver's incoming edges, node and geometry messages, residual ELU update), same readout
(mean or sum and std over nodes, LayerNorm, two-layer head), Adam and a sigmoid cross-entropy loss.
A training iteration = build the batch, forward, backward, Adam step; an epoch = the TRAIN graphs in batches, then
evaluation of up to 32 training graphs and of the VALIDATION graphs (as GatTrainer). Prints one line of key=value:
iteration_ms_thread (CPU time of this thread, mean over `iterations` after `warmup` untimed ones), iteration_ms_process,
epoch_s_thread, epoch_s_process (first epoch excluded when there are more), peak_rss_mb.
Run with Debian's interpreter: /usr/bin/python3.
"""
import gzip, struct, sys, time, resource
import numpy as np
import torch

RBF_COUNT, RBF_FIRST, RBF_STEP, HISTOGRAM_SCALE = 8, 0.75, 0.125, 4.0


def read_graphs(path):
    with gzip.open(path, "rb") as f:
        buf = f.read()
    pos = 0

    def take(fmt):
        nonlocal pos
        v = struct.unpack_from(">" + fmt, buf, pos)
        pos += struct.calcsize(">" + fmt)
        return v

    def utf():
        nonlocal pos
        (n,) = take("H")
        s = buf[pos:pos + n].decode("utf-8")
        pos += n
        return s

    def arr(code, n):
        nonlocal pos
        dt = {"i": ">i4", "f": ">f4"}[code]
        a = np.frombuffer(buf, dtype=dt, count=n, offset=pos).astype(np.int64 if code == "i" else np.float32)
        pos += 4 * n
        return a

    assert utf() == "MDXAI-GRAPHS"
    take("i")
    (t,) = take("i")
    take("d" * (t * t))
    (c,) = take("i")
    for _ in range(c):
        utf(); take("d")
    (g,) = take("i")
    graphs = []
    for _ in range(g):
        frame, label = take("ii"); take("d"); (split,) = take("b"); n, e = take("ii"); take("ddd")
        arr("i", n); types = arr("i", n); arr("f", 3 * n)
        offsets = arr("i", n + 1); nb = arr("i", e); vec = arr("f", 3 * e).reshape(e, 3)
        graphs.append(dict(label=label, split=split, types=types, offsets=offsets, nb=nb, vec=vec, t=t))
    return graphs


def random_rotation(rng):
    q = rng.standard_normal(4)
    q0, q1, q2, q3 = q / np.linalg.norm(q)
    return np.array([[1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2)],
                     [2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1)],
                     [2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)]], np.float32)


def batch(graphs, t, rng=None):
    """The disjoint union of the graphs: node inputs, edge features, receiver, sender, owner graph, node counts."""
    xs, es, rs, ss, gs = [], [], [], [], []
    counts = np.zeros((len(graphs), 1), np.float32)
    labels = np.zeros((len(graphs), 1), np.float32)
    centres = RBF_FIRST + RBF_STEP * np.arange(RBF_COUNT)
    node0 = 0
    for b, g in enumerate(graphs):
        n = len(g["types"])
        recv = np.repeat(np.arange(n), np.diff(g["offsets"]))
        vec = g["vec"] @ random_rotation(rng).T if rng is not None else g["vec"]
        r = np.linalg.norm(vec, axis=1)
        rbf = np.exp(-0.5 * ((r[:, None] - centres) / RBF_STEP) ** 2) / HISTOGRAM_SCALE
        x = np.zeros((n, t + RBF_COUNT), np.float32)
        x[np.arange(n), g["types"]] = 1
        for k in range(RBF_COUNT):
            x[:, t + k] = np.bincount(recv, weights=rbf[:, k], minlength=n)
        e = np.zeros((len(r) + n, 4), np.float32)
        e[:len(r), :3] = vec; e[:len(r), 3] = r
        xs.append(x); es.append(e)
        rs.append(np.concatenate([recv, np.arange(n)]) + node0)
        ss.append(np.concatenate([g["nb"], np.arange(n)]) + node0)
        gs.append(np.full(n, b))
        counts[b] = n; labels[b] = g["label"]
        node0 += n
    cat = np.concatenate
    return (torch.from_numpy(cat(xs)), torch.from_numpy(cat(es)), torch.from_numpy(cat(rs)),
            torch.from_numpy(cat(ss)), torch.from_numpy(cat(gs)), torch.from_numpy(counts), torch.from_numpy(labels))


class SparseGat(torch.nn.Module):
    def __init__(self, t, layers, width, heads, readout="mean"):
        super().__init__()
        d = width // heads
        self.heads, self.d, self.readout = heads, d, readout
        self.enc = torch.nn.Linear(t + RBF_COUNT, width)
        self.W = torch.nn.ParameterList([torch.nn.Parameter(torch.randn(width, heads * d) * (2 / (width + d)) ** 0.5)
                                         for _ in range(layers)])
        self.a_dst = torch.nn.ParameterList([torch.nn.Parameter(0.5 * torch.randn(heads, d)) for _ in range(layers)])
        self.a_src = torch.nn.ParameterList([torch.nn.Parameter(0.5 * torch.randn(heads, d)) for _ in range(layers)])
        self.a_edge = torch.nn.ParameterList([torch.nn.Parameter(0.5 * torch.randn(4, heads)) for _ in range(layers)])
        self.out = torch.nn.ModuleList([torch.nn.Linear(width + heads * (d + 4), width) for _ in range(layers)])
        self.norm = torch.nn.LayerNorm(2 * width)
        self.h1 = torch.nn.Linear(2 * width, width)
        self.h2 = torch.nn.Linear(width, 1)

    def forward(self, x, e, recv, send, graph, count):
        elu = torch.nn.functional.elu
        n, heads, d = x.shape[0], self.heads, self.d
        h = elu(self.enc(x))
        for l in range(len(self.W)):
            z = (h @ self.W[l]).view(n, heads, d)
            s = torch.nn.functional.leaky_relu((z * self.a_dst[l]).sum(-1)[recv] + (z * self.a_src[l]).sum(-1)[send]
                                               + e @ self.a_edge[l], 0.2)
            largest = torch.zeros(n, heads).scatter_reduce(0, recv[:, None].expand(-1, heads), s.detach(), "amax",
                                                           include_self=False)
            w = torch.exp(s - largest[recv])
            alpha = w / torch.zeros(n, heads).index_add_(0, recv, w)[recv]
            per_edge = torch.cat([z[send], e[:, None, :].expand(-1, heads, -1)], dim=2) * alpha[:, :, None]
            m = torch.zeros(n, heads, d + 4).index_add_(0, recv, per_edge).view(n, -1)
            h = h + elu(self.out[l](torch.cat([h, m], dim=1)))
        total = torch.zeros(count.shape[0], h.shape[1]).index_add_(0, graph, h)
        mean = total / count
        dev = h - mean[graph]
        std = torch.sqrt(torch.zeros_like(total).index_add_(0, graph, dev * dev) / count + 1e-6)
        pooled = torch.cat([mean if self.readout == "mean" else total, std], dim=1)
        return self.h2(elu(self.h1(self.norm(pooled))))


def main():
    a = sys.argv[1:]
    path = a[0]
    defaults = [2, 16, 2, 8, 2, 1, 4, 1]
    layers, width, heads, bs, epochs, threads, iterations, warmup = [int(v) for v in a[1:9]] + defaults[len(a[1:9]):]
    torch.set_num_threads(threads); torch.manual_seed(1)
    rng = np.random.default_rng(1)
    graphs = read_graphs(path); t = graphs[0]["t"]
    train = [g for g in graphs if g["split"] == 0]; val = [g for g in graphs if g["split"] == 1]
    stride = max(1, -(-len(train) // 32)); sample = train[::stride]
    model = SparseGat(t, layers, width, heads); opt = torch.optim.Adam(model.parameters(), 2e-3)
    lossf = torch.nn.BCEWithLogitsLoss()

    def step(graphs_):
        x, e, r, s, g, c, y = batch(graphs_, t, rng)
        opt.zero_grad(); loss = lossf(model(x, e, r, s, g, c), y); loss.backward(); opt.step()

    def evaluate(graphs_):
        with torch.no_grad():
            for i in range(0, len(graphs_), bs):
                x, e, r, s, g, c, y = batch(graphs_[i:i + bs], t)
                lossf(model(x, e, r, s, g, c), y)

    for _ in range(warmup):
        step(train[:bs])
    it_thread, it_process = [], []
    for k in range(iterations):
        chunk = [train[(k * bs + j) % len(train)] for j in range(bs)]
        t0, p0 = time.thread_time(), time.process_time()
        step(chunk)
        it_thread.append(time.thread_time() - t0); it_process.append(time.process_time() - p0)
    ep_thread, ep_process = [], []
    for ep in range(epochs):
        t0, p0 = time.thread_time(), time.process_time()
        order = rng.permutation(len(train))
        for i in range(0, len(train), bs):
            step([train[j] for j in order[i:i + bs]])
        evaluate(sample); evaluate(val)
        ep_thread.append(time.thread_time() - t0); ep_process.append(time.process_time() - p0)
    skip = 1 if epochs > 1 else 0
    print(f"torch={torch.__version__} threads={threads} N={len(train[0]['types'])} "
          f"iteration_ms_thread={1000 * np.mean(it_thread):.2f} iteration_ms_process={1000 * np.mean(it_process):.2f} "
          f"epoch_s_thread={np.mean(ep_thread[skip:]):.3f} epoch_s_process={np.mean(ep_process[skip:]):.3f} "
          f"peak_rss_mb={peak_rss_mb():.0f}")


def peak_rss_mb():
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a large JVM would report the JVM's
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
