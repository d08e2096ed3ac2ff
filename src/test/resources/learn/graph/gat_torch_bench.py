#!/usr/bin/env python3
"""Same dense masked graph-attention classifier as io.github.mdxai.learn.graph.GatModel, in PyTorch, for timing.

usage: gat_torch_bench.py pair.graphs [layers=3] [width=32] [heads=2] [batch=8] [epochs=3] [threads=2]
Reads the MD_XAI .graphs format (gzip, big-endian Java DataOutputStream; see GraphDataset) and prints the mean
seconds per epoch (build batches, train on the TRAIN split, evaluate the VALIDATION split, as GatTrainer does;
first epoch excluded), wall and process CPU, and the peak RSS. Run with Debian's interpreter: /usr/bin/python3.
"""
import gzip, struct, sys, time, resource
import numpy as np
import torch

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
    (version,) = take("i")
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

def batch(graphs, t):
    b, n = len(graphs), max(len(g["types"]) for g in graphs)
    x = np.zeros((b, n, t), np.float32); adj = np.zeros((b, n, n), np.float32)
    e = np.zeros((b, n, n, 4), np.float32); m = np.zeros((b, n, 1), np.float32); y = np.zeros((b, 1), np.float32)
    for k, g in enumerate(graphs):
        gn = len(g["types"]); y[k] = g["label"]
        adj[k, np.arange(n), np.arange(n)] = 1
        m[k, :gn] = 1; x[k, np.arange(gn), g["types"]] = 1
        recv = np.repeat(np.arange(gn), np.diff(g["offsets"]))
        adj[k, recv, g["nb"]] = 1
        e[k, recv, g["nb"], :3] = g["vec"]; e[k, recv, g["nb"], 3] = np.linalg.norm(g["vec"], axis=1)
    return [torch.from_numpy(a) for a in (x, adj, e, m, y)]

class Gat(torch.nn.Module):
    def __init__(self, t, layers, width, heads):
        super().__init__()
        d = width // heads
        self.enc = torch.nn.Linear(t, width)
        self.W = torch.nn.ModuleList([torch.nn.ModuleList([torch.nn.Linear(width, d, bias=False) for _ in range(heads)]) for _ in range(layers)])
        self.a = torch.nn.ParameterList([torch.nn.Parameter(0.1 * torch.randn(heads, d + d + 4)) for _ in range(layers)])
        self.out = torch.nn.ModuleList([torch.nn.Linear(heads * (d + 4), width) for _ in range(layers)])
        self.h1 = torch.nn.Linear(width, width); self.h2 = torch.nn.Linear(width, 1)
        self.d = d

    def forward(self, x, adj, e, mask):
        h = torch.nn.functional.elu(self.enc(x))
        neg = (adj - 1) * 1e9
        for l, heads in enumerate(self.W):
            msgs = []
            for k, W in enumerate(heads):
                z = W(h); a = self.a[l][k]; d = self.d
                s = (z @ a[:d]).unsqueeze(2) + (z @ a[d:2 * d]).unsqueeze(1) + e @ a[2 * d:]
                alpha = torch.softmax(torch.nn.functional.leaky_relu(s, 0.2) + neg, dim=2)
                msgs.append(alpha @ z)
                msgs.append((alpha.unsqueeze(2) @ e).squeeze(2))
            h = h + torch.nn.functional.elu(self.out[l](torch.cat(msgs, dim=2)))
        g = (h * mask).sum(1) / mask.sum(1)
        return self.h2(torch.nn.functional.elu(self.h1(g)))

def main():
    a = sys.argv[1:]
    path = a[0]; layers, width, heads, bs, epochs, threads = [int(v) for v in (a[1:] + ["3", "32", "2", "8", "3", "2"][len(a) - 1:])][:6]
    torch.set_num_threads(threads); torch.manual_seed(1)
    graphs = read_graphs(path); t = graphs[0]["t"]
    train = [g for g in graphs if g["split"] == 0]; val = [g for g in graphs if g["split"] == 1]
    model = Gat(t, layers, width, heads); opt = torch.optim.Adam(model.parameters(), 1e-3)
    lossf = torch.nn.BCEWithLogitsLoss()
    times, cpu = [], []
    for ep in range(epochs):
        t0, c0 = time.perf_counter(), time.process_time()
        # as GatTrainer: build the batches, train, then evaluate the validation graphs
        for i in range(0, len(train), bs):
            x, adj, e, m, y = batch(train[i:i + bs], t)
            opt.zero_grad(); loss = lossf(model(x, adj, e, m), y); loss.backward(); opt.step()
        with torch.no_grad():
            for i in range(0, len(val), bs):
                x, adj, e, m, y = batch(val[i:i + bs], t)
                model(x, adj, e, m)
        times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
    per = np.mean(times[1:]) if len(times) > 1 else times[0]
    per_cpu = np.mean(cpu[1:]) if len(cpu) > 1 else cpu[0]
    print(f"torch {torch.__version__} threads={threads} layers={layers} width={width} heads={heads} batch={bs} "
          f"graphs={len(train)}+{len(val)} N={len(train[0]['types'])}: {per:.3f} s/epoch wall, {per_cpu:.3f} s/epoch CPU, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

if __name__ == "__main__":
    main()
