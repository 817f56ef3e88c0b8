#!/usr/bin/python3
"""pytorch_mnistnet.py: the book's MNIST network, trained by PyTorch, as a benchmark peer.

This script trains the same network as `mnistnet train` (architecture `main`,
15,440 parameters) with the same recipe, and measures seconds per training
epoch and inference images per second, so that the C trainer can be compared
with PyTorch on the same machine, in the same invocation. PyTorch is a peer
for measurement only: neither the build, the book nor the tests need it.

Run it with Debian's python3-torch (torch 1.13 on bookworm):

    /usr/bin/python3 bench/pytorch_mnistnet.py --data data/mnist [--epochs 1] [--threads 2]
        [--train-limit N] [--test-limit N] [--seed 1] [--csv FILE]
    /usr/bin/python3 bench/pytorch_mnistnet.py --summary   # same table as `mnistnet summary`

Exit status: 0 done; 1 bad data; 2 bad flags; 77 PyTorch (or numpy) is not installed,
the conventional "skipped" status, so that `make bench` can go on without it.

How each choice mirrors the C book (chunk names as in the noweb sources):

* Architecture: book/27-network.nw <<the architectures>>, `main_layers`. Each
  CONV row {K, R, pad, bn_relu, dropout} becomes nn.Conv2d(C, K, R, padding=pad,
  bias=False), followed, when bn_relu, by BatchNorm2d -> ReLU (-> Dropout(p) when
  dropout > 0) as in <<run convolution layer [[L]] forward>>; the last 1x1 conv
  16->10 has no BN/ReLU; MAXPOOL is max_pool2d(2); GAP is the mean over H, W.
  The loss is log_softmax + nll_loss (mean over the batch), as in
  book/24-loss-and-sgd.nw logsoftmax_nll_forward. The parameter count is
  asserted to be 15440 (tests/network.t.c <<count the parameters by hand>>),
  and --summary prints the table in the exact format of net_summary.
* Batch norm: book/22-batchnorm.nw BN_EPS 1e-5, BN_MOMENTUM 0.1 with
  running = (1 - m) running + m batch and the *unbiased* batch variance in the
  running variance: exactly PyTorch's convention, so BatchNorm2d(eps=1e-5,
  momentum=0.1). Biased variance for normalising, running stats in eval: same.
* Dropout: book/23-pointwise-and-pooling.nw dropout_forward is inverted dropout
  (kept values scaled by 1/(1-p)), identity in eval: nn.Dropout(0.05).
* Initialisation: book/21-conv.nw conv_init_kaiming, normal with std
  sqrt(2 / (C R R)) for every conv, the classifier included:
  nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu").
  book/22-batchnorm.nw bn_init: gamma 1, beta 0, running mean 0, var 1
  (PyTorch's defaults).
* Optimiser: book/24-loss-and-sgd.nw sgd_step: g' = g + wd w, v = mu v + g',
  w -= lr (g' + mu v) (Nesterov), velocity starting at zero: PyTorch's SGD with
  nesterov=True, dampening=0, which is the same update. book/28-training.nw
  <<train on the batch starting at [[first]]>> calls it on the whole
  parameter vector, so weight decay applies to every parameter, batch norm's
  gamma and beta included (no exemption here either).
* Hyper-parameters: book/28-training.nw train_defaults: batch 128, lr_max 0.1,
  momentum 0.9, weight decay 5e-5, Nesterov, augmentation on, 7 degrees,
  2 pixels, seed 1. (Epochs: C's default is 15; this benchmark defaults to 1,
  and the schedule spans the epochs asked for, exactly as `mnistnet train
  --epochs N` does.)
* Schedule: book/24-loss-and-sgd.nw lr_onecycle with book/28-training.nw
  train_lr: pct_start 0.25, div_start 25, div_final 1e4, per step, total steps =
  epochs * ceil(n_train / batch), momentum not cycled. Reproduced by a
  LambdaLR that evaluates the C formula itself (it is what OneCycleLR(
  max_lr=0.1, pct_start=0.25, div_factor=25, final_div_factor=1e4,
  anneal_strategy="cos", cycle_momentum=False) computes, written out so that
  the t1 <= 0 corner agrees too); step t of the optimiser uses lr(t).
* Input: book/28-training.nw batch_fill: bytes / 255, augmented in training,
  then standardised with mean 0.1307 and std 0.3081 (after augmentation, so the
  zeros brought in at the border are zero *ink*).
* Augmentation: book/26-augment.nw augment_draw / augment_affine:
  angle uniform in [-7, 7) degrees, dx, dy uniform in [-2, 2) pixels; output
  pixel (x', y') reads the input at c + R(-theta) (p' - c - t), c = (13.5, 13.5),
  by bilinear interpolation with zero outside the image. Done for the whole
  batch by F.affine_grid + F.grid_sample(mode="bilinear", padding_mode="zeros",
  align_corners=True): with align_corners=True the normalised coordinate is
  (x - c) / c, so theta = [[cos, -sin, -(dx cos - dy sin)/c],
  [sin, cos, -(dx sin + dy cos)/c]] is the C map exactly (--self-test checks
  it against a numpy port of augment_affine).
* Shuffling: book/28-training.nw shuffle, a new random order every epoch:
  torch.randperm. Evaluation: net_evaluate, eval mode, batches of the network's
  capacity = the training batch (128), no augmentation, after every epoch.
* Timing: <<train one epoch, test, report and log>> times train_epoch, which
  is shuffle + batch conversion/augmentation + forward + backward + SGD step
  (+ loss and accuracy bookkeeping); the same is timed here. Evaluation is
  timed separately; inference images/s = test images / eval seconds. Before
  epoch 1 a few untimed warm-up steps run on a copy of the network
  (--no-warmup turns them off): PyTorch's one-time start-up costs, about 3 s
  on a 2-core machine, are not part of an epoch's cost. Wall
  seconds are the figures to compare; the process CPU seconds (user + system,
  all threads) are printed and logged too, because on a shared machine they
  show when the wall time was inflated by waiting for a core.

Not reproduced exactly: the random streams (the C trainer uses its own
generator, seeded per image from (seed, epoch, index) for augmentation and
from the run's generator for init, shuffling and dropout; here torch's
generators are used), so runs with the same seed start from different
weights and see different batches; accuracies agree statistically, not
bit for bit. Bilinear sampling, border handling and the transform are
the same map, computed in float32 by grid_sample rather than in double
(differences of order 1e-6 in a pixel). The C code clamps the interpolated
value at 255 (a rounding guard only); grid_sample does not need it.
"""

import argparse
import gzip
import math
import os
import sys
import time

SKIP = 77


def skip(what):
    print("pytorch_mnistnet: python3-%s is not installed (apt-get install python3-%s); skipping"
          % (what, what))
    sys.exit(SKIP)


try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    skip("torch")
try:
    import numpy as np
except ImportError:
    skip("numpy")

# book/27-network.nw <<the architectures>>: main_layers, {kind, K, R, pad, bn_relu, dropout}
CONV, MAXPOOL, GAP = "conv", "maxpool", "gap"
MAIN_LAYERS = [
    (CONV, 16, 3, 0, 1, 0.0), (CONV, 32, 3, 0, 1, 0.0), (MAXPOOL, 0, 0, 0, 0, 0.0),
    (CONV, 16, 1, 0, 1, 0.0), (CONV, 16, 3, 1, 1, 0.0), (CONV, 32, 3, 1, 1, 0.0),
    (MAXPOOL, 0, 0, 0, 0, 0.0), (CONV, 16, 1, 0, 1, 0.0), (CONV, 16, 3, 1, 1, 0.05),
    (CONV, 10, 1, 0, 0, 0.0), (GAP, 0, 0, 0, 0, 0.0),
]
MAIN_PARAMS = 15440

# book/28-training.nw train_defaults and batch_fill; book/22-batchnorm.nw
BATCH, LR_MAX, MOMENTUM, WEIGHT_DECAY = 128, 0.1, 0.9, 5e-5
MAX_DEGREES, MAX_SHIFT = 7.0, 2.0
PIXEL_MEAN, PIXEL_STD = 0.1307, 0.3081
BN_EPS, BN_MOMENTUM = 1e-5, 0.1
# book/28-training.nw train_lr -> book/24-loss-and-sgd.nw lr_onecycle
PCT_START, DIV_START, DIV_FINAL = 0.25, 25.0, 1e4


class MnistNet(nn.Module):
    """The table-driven network of book/27-network.nw, one nn module per table row."""

    def __init__(self, layers):
        super().__init__()
        self.rows = []
        self.blocks = nn.ModuleList()
        C, H, W = 1, 28, 28
        for kind, K, R, pad, bn_relu, dropout in layers:
            if kind == CONV:
                mods = [nn.Conv2d(C, K, R, padding=pad, bias=False)]
                if bn_relu:
                    mods += [nn.BatchNorm2d(K, eps=BN_EPS, momentum=BN_MOMENTUM), nn.ReLU(inplace=True)]
                    if dropout > 0:
                        mods.append(nn.Dropout(dropout))
                block = nn.Sequential(*mods)
                Ho, Wo = H + 2 * pad - R + 1, W + 2 * pad - R + 1
                desc = "conv %dx%d %d->%d pad %d%s%s" % (R, R, C, K, pad, " BN ReLU" if bn_relu else "",
                                                         " dropout" if dropout > 0 else "")
            elif kind == MAXPOOL:
                assert H % 2 == 0 and W % 2 == 0
                block, K, Ho, Wo, desc = nn.MaxPool2d(2), C, H // 2, W // 2, "maxpool 2x2"
            else:
                block, K, Ho, Wo, desc = GlobalAvgPool(), C, 1, 1, "global avg pool"
            self.blocks.append(block)
            self.rows.append((desc, K, Ho, Wo, sum(p.numel() for p in block.parameters())))
            C, H, W = K, Ho, Wo
        assert layers[-1][0] == GAP and C == 10

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x.flatten(1)  # (N, 10, 1, 1) -> (N, 10) logits

    def summary(self, out=sys.stdout):
        """The table of net_summary (book/27-network.nw), byte for byte."""
        out.write("layer,kind,output_shape,params\n")
        for l, (desc, K, Ho, Wo, n) in enumerate(self.rows):
            out.write("%d,%s,%dx%dx%d,%d\n" % (l + 1, desc, K, Ho, Wo, n))
        out.write("total,network 'main': 16/32 channels; 1x1 transitions; GAP,,%d\n"
                  % sum(p.numel() for p in self.parameters()))


class GlobalAvgPool(nn.Module):
    def forward(self, x):
        return x.mean(dim=(2, 3), keepdim=True)


def init_weights(net):
    """book/21-conv.nw conv_init_kaiming: N(0, 2 / (C R R)) for every conv; bn_init: 1, 0, 0, 1."""
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)
            m.reset_running_stats()


def lr_onecycle(t, total, lr_max, pct_start, div_start, div_final):
    """book/24-loss-and-sgd.nw lr_onecycle, line for line."""
    def anneal_cos(start, end, tau):
        return end + (start - end) / 2 * (1 + math.cos(3.141592653589793 * tau))
    lr_start = lr_max / div_start
    lr_end = lr_start / div_final
    t1 = pct_start * total - 1
    if t <= t1:
        return anneal_cos(lr_start, lr_max, t / t1 if t1 > 0 else 1)
    return anneal_cos(lr_max, lr_end, (t - t1) / (total - 1 - t1))


# --- data -------------------------------------------------------------------------------

class DataError(Exception):
    pass


def read_idx(directory, name, magic, want_count=None):
    """An idx file, plain or .gz (the plain one wins, as in book/25-mnist.nw find_file)."""
    path = None
    for suffix in ("", ".gz"):
        p = os.path.join(directory, name + suffix)
        if os.path.exists(p):
            if not os.path.isfile(p):
                raise DataError("%s: not a regular file" % p)
            path = p
            break
    if path is None:
        raise DataError("%s/%s: no such file (nor .gz); run `make data` or pass --data DIR" % (directory, name))
    try:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError) as e:
        raise DataError("%s: read error: %s" % (path, e))
    dims = magic & 0xFF
    if len(data) < 4 + 4 * dims:
        raise DataError("%s: truncated header" % path)
    head = np.frombuffer(data, dtype=">u4", count=1 + dims)
    if int(head[0]) != magic:
        raise DataError("%s: magic number 0x%08x, expected 0x%08x" % (path, int(head[0]), magic))
    shape = tuple(int(d) for d in head[1:])
    if dims == 3 and shape[1:] != (28, 28):
        raise DataError("%s: images are %dx%d, expected 28x28" % (path, shape[1], shape[2]))
    size = int(np.prod(shape))
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims)
    if body.size != size:
        raise DataError("%s: %d data bytes, the header says %d" % (path, body.size, size))
    if want_count is not None and shape[0] != want_count:
        raise DataError("%s: %d items, but the images file has %d" % (path, shape[0], want_count))
    return body.reshape(shape)


def load_split(directory, split, limit):
    images = read_idx(directory, split + "-images-idx3-ubyte", 0x00000803)
    labels = read_idx(directory, split + "-labels-idx1-ubyte", 0x00000801, images.shape[0])
    if labels.size and int(labels.max()) > 9:
        raise DataError("%s: a label is above 9" % os.path.join(directory, split + "-labels-idx1-ubyte"))
    if limit and limit < images.shape[0]:
        images, labels = images[:limit], labels[:limit]
    # Kept as bytes, as the C trainer does; converted one batch at a time.
    return torch.from_numpy(images.copy()).unsqueeze(1), torch.from_numpy(labels.astype(np.int64))


# --- batches ------------------------------------------------------------------------------

def augment_theta(n, gen):
    """augment_draw for n images (angle, dx, dy uniform in [-m, m)), as affine_grid thetas."""
    u = torch.rand(n, 3, generator=gen, dtype=torch.float64)
    angle = (2 * u[:, 0] - 1) * MAX_DEGREES * 0.017453292519943295
    dx = (2 * u[:, 1] - 1) * MAX_SHIFT
    dy = (2 * u[:, 2] - 1) * MAX_SHIFT
    return affine_theta(angle, dx, dy)


def affine_theta(angle, dx, dy, size=28):
    """augment_affine's inverse map in align_corners=True normalised coordinates (x - c) / c."""
    c = (size - 1) / 2.0
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.empty(angle.shape[0], 2, 3, dtype=torch.float64)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 0, 2] = cos, -sin, -(dx * cos - dy * sin) / c
    theta[:, 1, 0], theta[:, 1, 1], theta[:, 1, 2] = sin, cos, -(dx * sin + dy * cos) / c
    return theta.float()


def batch_fill(images_u8, training, gen):
    """book/28-training.nw batch_fill: bytes -> [0, 1] (augmented in training) -> standardised."""
    x = images_u8.float().div_(255.0)
    if training:
        theta = augment_theta(x.shape[0], gen)
        grid = F.affine_grid(theta, list(x.shape), align_corners=True)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True)
    return x.sub_(PIXEL_MEAN).div_(PIXEL_STD)


# --- training and evaluation ------------------------------------------------------------------

def train_epoch(net, opt, sched, images, labels, batch, gen):
    """book/28-training.nw train_epoch: shuffle, then per batch fill, forward, backward, step."""
    net.train()
    n = images.shape[0]
    order = torch.randperm(n, generator=gen)
    loss_sum, correct = 0.0, 0
    for first in range(0, n, batch):
        idx = order[first:first + batch]
        x = batch_fill(images[idx], True, gen)
        y = labels[idx]
        logp = F.log_softmax(net(x), dim=1)
        loss = F.nll_loss(logp, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        sched.step()
        loss_sum += loss.item() * y.shape[0]
        correct += int((logp.argmax(1) == y).sum())
    return loss_sum / n, correct / n


@torch.no_grad()
def evaluate(net, images, labels, batch):
    """book/28-training.nw net_evaluate: eval mode, batches of the network's capacity."""
    net.eval()
    n = images.shape[0]
    loss_sum, correct = 0.0, 0
    for first in range(0, n, batch):
        x = batch_fill(images[first:first + batch], False, None)
        y = labels[first:first + batch]
        logp = F.log_softmax(net(x), dim=1)
        loss_sum += F.nll_loss(logp, y, reduction="sum").item()
        correct += int((logp.argmax(1) == y).sum())
    return loss_sum / n, correct / n


def warm_up(net, images, labels, batch):
    """A few untimed steps on a copy of the network, so that one-time costs (lazy initialisation,
    oneDNN primitive creation, the allocator's first pages) are not charged to epoch 1. The
    copy has its own optimiser and generator, and the global RNG is restored, so the timed
    run is the same with or without it."""
    import copy
    state = torch.get_rng_state()
    clone = copy.deepcopy(net)
    opt = torch.optim.SGD(clone.parameters(), lr=1e-3, momentum=MOMENTUM, nesterov=True)
    gen = torch.Generator().manual_seed(12345)
    n = min(batch, images.shape[0])
    for _ in range(3):
        x = batch_fill(images[:n], True, gen)
        loss = F.nll_loss(F.log_softmax(clone(x), dim=1), labels[:n])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    evaluate(clone, images[:n], labels[:n], batch)
    torch.set_rng_state(state)


# --- a check of the augmentation against the C formula -------------------------------------------

def augment_affine_reference(img, angle, dx, dy):
    """A numpy port of book/26-augment.nw augment_affine (in double), for --self-test."""
    H, W = img.shape
    cx, cy = (W - 1) / 2.0, (H - 1) / 2.0
    cos_t, sin_t = math.cos(angle), math.sin(angle)
    out = np.zeros((H, W))

    def pixel(r, s):
        return float(img[r, s]) if 0 <= r < H and 0 <= s < W else 0.0

    for i in range(H):
        for j in range(W):
            a, b = j - dx - cx, i - dy - cy
            x, y = cx + a * cos_t - b * sin_t, cy + a * sin_t + b * cos_t
            if x <= -1 or x >= W or y <= -1 or y >= H:
                continue
            x0, y0 = math.floor(x), math.floor(y)
            fx, fy = x - x0, y - y0
            s, r = int(x0), int(y0)
            top = (1 - fx) * pixel(r, s) + fx * pixel(r, s + 1)
            bottom = (1 - fx) * pixel(r + 1, s) + fx * pixel(r + 1, s + 1)
            out[i, j] = min((1 - fy) * top + fy * bottom, 255.0) / 255.0
    return out


def self_test(images):
    gen = torch.Generator().manual_seed(26)
    cases = [(0.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, -2.0), (0.0, 0.5, 0.0),
             (math.pi / 2, 0.0, 0.0), (math.radians(7), 1.3, -0.7)]
    u = torch.rand(10, 3, generator=gen, dtype=torch.float64)
    cases += [((2 * a - 1) * math.radians(10), (2 * b - 1) * 2, (2 * c - 1) * 2) for a, b, c in u.tolist()]
    worst = 0.0
    for k, (angle, dx, dy) in enumerate(cases):
        img = images[k % images.shape[0], 0]
        theta = affine_theta(torch.tensor([angle], dtype=torch.float64), torch.tensor([dx], dtype=torch.float64),
                             torch.tensor([dy], dtype=torch.float64))
        x = img.float().div(255.0).view(1, 1, 28, 28)
        grid = F.affine_grid(theta, [1, 1, 28, 28], align_corners=True)
        got = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True)[0, 0].double().numpy()
        want = augment_affine_reference(img.numpy(), angle, dx, dy)
        diff = float(np.abs(got - want).max())
        worst = max(worst, diff)
        print("self-test: angle %+7.3f deg, dx %+.3f, dy %+.3f: max |grid_sample - augment_affine| = %.2e"
              % (math.degrees(angle), dx, dy, diff))
    ok = worst < 1e-4
    print("self-test: %s (worst %.2e, tolerance 1e-4)" % ("ok" if ok else "FAILED", worst))
    return 0 if ok else 1


# --- the command line ----------------------------------------------------------------------------

def positive_int(lo, hi):
    def parse(s):
        try:
            v = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError("'%s' is not a whole number" % s)
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError("'%s' is not a whole number from %d to %d" % (s, lo, hi))
        return v
    return parse


def main():
    ap = argparse.ArgumentParser(prog="pytorch_mnistnet",
                                 description="Train the book's MNIST network (arch main) in PyTorch, "
                                             "as a timing peer of `mnistnet train`.")
    ap.add_argument("--data", metavar="DIR", help="directory with the four MNIST idx files (plain or .gz)")
    ap.add_argument("--epochs", type=positive_int(1, 1000), default=1, help="epochs (default 1)")
    ap.add_argument("--threads", type=positive_int(1, 256), default=2, help="intra-op threads (default 2)")
    ap.add_argument("--train-limit", type=positive_int(1, 60000), default=0, metavar="N",
                    help="use only the first N training images")
    ap.add_argument("--test-limit", type=positive_int(1, 60000), default=0, metavar="N",
                    help="use only the first N test images")
    ap.add_argument("--seed", type=positive_int(0, 2147483647), default=1, help="random seed (default 1)")
    ap.add_argument("--csv", metavar="FILE", help="write one CSV row per epoch")
    ap.add_argument("--no-warmup", action="store_true",
                    help="do not run the untimed warm-up steps before epoch 1")
    ap.add_argument("--summary", action="store_true", help="print the layer table (as `mnistnet summary`) and exit")
    ap.add_argument("--self-test", action="store_true",
                    help="check grid_sample against a port of augment_affine on a few images, and exit")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)  # init and dropout
    net = MnistNet(MAIN_LAYERS)
    init_weights(net)
    nparams = sum(p.numel() for p in net.parameters())
    assert nparams == MAIN_PARAMS, "%d parameters, expected %d" % (nparams, MAIN_PARAMS)
    if a.summary:
        net.summary()
        return 0
    if a.data is None:
        ap.error("--data DIR is required")
    if not os.path.isdir(a.data):
        print("pytorch_mnistnet: %s: %s" % (a.data, "not a directory" if os.path.exists(a.data)
                                            else "no such directory; run `make data` or pass --data DIR"),
              file=sys.stderr)
        return 1
    try:
        train_x, train_y = load_split(a.data, "train", a.train_limit)
        test_x, test_y = load_split(a.data, "t10k", a.test_limit)
    except DataError as e:
        print("pytorch_mnistnet: %s" % e, file=sys.stderr)
        return 1
    if a.self_test:
        return self_test(train_x)
    if a.csv:
        try:
            open(a.csv, "a").close()  # fail now, not after the run
        except OSError as e:
            print("pytorch_mnistnet: %s: %s" % (a.csv, e.strerror), file=sys.stderr)
            return 2

    n_train, n_test = train_x.shape[0], test_x.shape[0]
    batches = (n_train + BATCH - 1) // BATCH
    total = a.epochs * batches
    if total < 2:  # lr_onecycle's CHECK(total > 1)
        print("pytorch_mnistnet: the one-cycle schedule needs at least 2 steps; "
              "use more epochs or more than %d training images" % BATCH, file=sys.stderr)
        return 2
    opt = torch.optim.SGD(net.parameters(), lr=LR_MAX, momentum=MOMENTUM, dampening=0,
                          weight_decay=WEIGHT_DECAY, nesterov=True)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda t: lr_onecycle(min(t, total - 1), total, LR_MAX, PCT_START, DIV_START, DIV_FINAL) / LR_MAX)
    gen = torch.Generator().manual_seed(a.seed)  # shuffling and augmentation

    print("# pytorch_mnistnet: torch %s, numpy %s, python %s" % (torch.__version__, np.__version__,
                                                                 sys.version.split()[0]))
    print("# oneDNN/mkldnn available %s, enabled %s; %d intra-op threads, %d inter-op thread"
          % (torch.backends.mkldnn.is_available(), torch.backends.mkldnn.enabled,
             torch.get_num_threads(), torch.get_num_interop_threads()))
    print("# arch main (%d parameters), %d epochs, batch %d, lr %g, seed %d, %d train / %d test images, "
          "augmentation on (%g deg, %g px)" % (nparams, a.epochs, BATCH, LR_MAX, a.seed, n_train, n_test,
                                              MAX_DEGREES, MAX_SHIFT))
    sys.stdout.flush()

    if not a.no_warmup:
        t0 = time.perf_counter()
        warm_up(net, train_x, train_y, BATCH)
        print("# warm-up (untimed, on a copy of the network): %.2f s" % (time.perf_counter() - t0))
    rows = []
    for e in range(1, a.epochs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        tr_loss, tr_acc = train_epoch(net, opt, sched, train_x, train_y, BATCH, gen)
        train_s, train_cpu = time.perf_counter() - t0, time.process_time() - c0
        lr_last = lr_onecycle(e * batches - 1, total, LR_MAX, PCT_START, DIV_START, DIV_FINAL)
        t0, c0 = time.perf_counter(), time.process_time()
        te_loss, te_acc = evaluate(net, test_x, test_y, BATCH)
        eval_s, eval_cpu = time.perf_counter() - t0, time.process_time() - c0
        print("epoch %2d/%d  lr %.4f  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  "
              "train %.2f s (%.0f img/s, cpu %.1f s)  eval %.2f s (%.0f img/s, cpu %.1f s)"
              % (e, a.epochs, lr_last, tr_loss, 100 * tr_acc, te_loss, 100 * te_acc,
                 train_s, n_train / train_s, train_cpu, eval_s, n_test / eval_s, eval_cpu))
        sys.stdout.flush()
        rows.append((e, train_s, eval_s, train_cpu, eval_cpu, n_train / train_s, n_test / eval_s, lr_last,
                     tr_loss, tr_acc, te_loss, te_acc))

    if a.csv:
        with open(a.csv, "w") as f:
            f.write("framework,version,threads,epoch,epochs,n_train,n_test,batch,train_s,eval_s,"
                    "train_cpu_s,eval_cpu_s,train_images_per_s,infer_images_per_s,lr,train_loss,train_acc,test_loss,test_acc\n")
            for e, train_s, eval_s, train_cpu, eval_cpu, tips, iips, lr, trl, tra, tel, tea in rows:
                f.write("pytorch,%s,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.1f,%.1f,%.6g,%.6f,%.6f,%.6f,%.6f\n"
                        % (torch.__version__, a.threads, e, a.epochs, n_train, n_test, BATCH, train_s, eval_s,
                           train_cpu, eval_cpu,
                           tips, iips, lr, trl, tra, tel, tea))
    return 0


if __name__ == "__main__":
    sys.exit(main())
