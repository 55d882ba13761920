#!/usr/bin/env bash
# GPU checks in one run: vocoder throughput (batch 16), singing and speech batch rendering through
# `tts sing` / `tts synth`, and training through `tts train` (FastSpeech 2 at paper size with and
# without AMP, HiFi-GAN V1), on a demo corpus generated on the spot.
#
#   OUT=gpu_out bash benchmarks/gpu_check.sh 2>&1 | tee gpu_out/log.txt
#
# Inputs (all optional, for a machine without network): WHEELS (folder of wheels and a pyworld sdist
# to install into /tmp/site), EXTRA_SITE (folder of packages copied into /tmp/site), SCORES (a folder
# of score files to batch-render), LINES (a text file, one sentence per line). Without SCORES / LINES
# the shipped example score and a few sentences are used. Each step has its own time limit and a
# failing step does not stop the next.
#
# For the lent machines (Python 3.12, PyTorch there, no network), prepared here beforehand:
#   .whl/   py3.12 manylinux wheels (pip download --no-deps --only-binary=:all: --python-version 3.12 ...) of
#           librosa soundfile cffi pycparser soxr praat-parselmouth pypinyin mido chardet jsonpickle
#           more-itertools webcolors espeakng-loader audioread pooch decorator platformdirs typer setuptools<81,
#           plus the pyworld sdist (pip download --no-binary=:all: --no-build-isolation pyworld)
#   .gpuin/ site/jieba (no wheel exists: the installed package, without lac_small/analyse/posseg),
#           scores/ (100 one-line Opencpop scores from data/demo-sing/segments/transcriptions.txt),
#           lines.txt (100 sentences)
# both listed in .git/info/exclude and passed with carry, then:
#   OUT=$OUT WHEELS=.whl EXTRA_SITE=.gpuin/site SCORES=.gpuin/scores LINES=.gpuin/lines.txt \
#     bash benchmarks/gpu_check.sh 2>&1 | tee $OUT/log.txt
set -u
: "${OUT:?set OUT to a folder for the results}"
mkdir -p "$OUT"
export PYTHONUNBUFFERED=1 PYTHONPATH=/tmp/site:$PWD${PYTHONPATH:+:$PYTHONPATH}
device=${DEVICE:-cuda}  # DEVICE=cpu with small FS2_STEPS / V1_STEPS / UTTERANCES tries the plumbing here
fs2_steps=${FS2_STEPS:-1000}; v1_steps=${V1_STEPS:-300}
work=/tmp/gpu_check
mkdir -p $work
step() { echo; echo "=== $(date +%T) $*"; }
tts() { python3 -m tts.cli "$@"; }
wall() { python3 -c "import time; print(f'{time.time():.3f}')"; }

step "environment"
if [ -n "${WHEELS:-}" ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site \
    "$WHEELS"/*.whl || echo "wheel install failed"
fi
[ -n "${EXTRA_SITE:-}" ] && cp -r "$EXTRA_SITE"/* /tmp/site/
if ! python3 -c "import pyworld" 2>/dev/null && ls "${WHEELS:-/nonexistent}"/pyworld-*.tar.gz >/dev/null 2>&1; then
  (python3 -m pip install -q --no-index --no-deps --no-build-isolation --no-cache-dir --target /tmp/site \
     "$WHEELS"/pyworld-*.tar.gz > $work/pyworld.log 2>&1; echo "pyworld build rc=$?" >> $work/pyworld.log) &
  pyworld_job=$!
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import os, torch; print('torch', torch.__version__, torch.cuda.is_available() and torch.cuda.get_device_name(0), os.cpu_count(), 'CPUs')"
(tts corpus demo-zh $work/demo-zh --utterances ${UTTERANCES:-2000} --json > $work/corpus.log 2>&1
 echo "corpus rc=$?" >> $work/corpus.log) &
corpus_job=$!

summarize() {  # $1 report/jsonl, $2 start, $3 end, $4 kind
  python3 - "$@" <<'EOF'
import json, sys
path, start, end, kind = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
try:
    if kind == "sing":
        report = json.load(open(path))
        seconds, counts = report["seconds_rendered"], report["counts"]
        failed = [(f["score"], f.get("reason") or f.get("error")) for f in report["failed"]][:3]
    else:
        records = [json.loads(line) for line in open(path) if line.strip()]
        seconds = sum(r["seconds"] or 0 for r in records if not r["error"])
        counts = {"rendered": sum(not r["error"] for r in records), "failed": sum(bool(r["error"]) for r in records)}
        failed = [(r["line"], r["error"]) for r in records if r["error"]][:3]
except Exception as exc:  # the step failed: show what is there
    print(f"no report ({exc})"); sys.exit(0)
wall = end - start
print(f"{counts} {seconds:.1f} s of audio in {wall:.1f} s wall (process start and model loading included): "
      f"{seconds / wall:.1f} s of audio per second" + (f"; failures: {failed}" if failed else ""))
EOF
}

step "vocoders: 10 s x batch 16 through infer, float32"
timeout 100 python3 benchmarks/bench_vocoder_speed.py --device $device --batch ${VOC_BATCH:-16} \
  --seconds ${VOC_SECONDS:-10} --repeats 5 --presets hifigan_v1,hifigan_v2,hifigan_v3,istft_hifigan_small,nsf_hifigan

step "waiting for the demo corpus (and the pyworld build)"
wait $corpus_job; tail -c 300 $work/corpus.log; echo
[ -n "${pyworld_job:-}" ] && { wait $pyworld_job; tail -n 3 $work/pyworld.log; }
pitch=()
python3 -c "import pyworld" 2>/dev/null || { echo "no pyworld: Praat F0"; pitch=(--set pitch.method=parselmouth); }
cat > $work/gpu_fastspeech2.yaml <<RECIPE
base: [$PWD/configs/audio/22k.yaml, $PWD/configs/model/fastspeech2.yaml, $PWD/configs/train/default.yaml]
name: gpu_fastspeech2
data: {corpus: folder, path: $work/demo-zh, duration_source: alignment, dev_items: 25, test_items: 50,
       features_dir: $work/features_fs2}
train: {steps: $fs2_steps, eval_every: $fs2_steps, checkpoint_every: $fs2_steps, log_every: 100}
RECIPE
cat > $work/gpu_hifigan_v1.yaml <<RECIPE
base: [$PWD/configs/audio/22k.yaml, $PWD/configs/train/default.yaml, $PWD/configs/vocoder/hifigan_v1.yaml]
name: gpu_hifigan_v1
data: {corpus: folder, path: $work/demo-zh, dev_items: 25, test_items: 50, features_dir: $work/features_voc}
train: {steps: $v1_steps, eval_every: $v1_steps, checkpoint_every: $v1_steps, log_every: 50}
RECIPE
# The step times printed by benchmarks/step_time.py come from the TensorBoard stamps: training only,
# without start-up and the checkpoint, validation and export at the end.
step "FastSpeech 2 (paper size): tts train on the GPU with AMP, batch 16, $fs2_steps steps (prepare included)"
timeout 200 python3 -m tts.cli train $work/gpu_fastspeech2.yaml --device $device --set run_dir=$work/fs2_amp \
  "${pitch[@]}" --json; echo "rc=$?"
python3 benchmarks/step_time.py $work/fs2_amp
step "HiFi-GAN V1: tts train on the GPU with AMP, batch 16 x 8192 samples, $v1_steps steps (prepare included)"
timeout 150 python3 -m tts.cli train $work/gpu_hifigan_v1.yaml --device $device --set run_dir=$work/v1 \
  "${pitch[@]}" --json; echo "rc=$?"
python3 benchmarks/step_time.py $work/v1

scores=${SCORES:-tts/resources/scores}
step "singing: tts sing $scores (default steps)"
s=$(wall); timeout 90 python3 -m tts.cli sing "$scores" --out-dir $work/sing_j1 --device $device \
  --json > $work/sing_j1.json; echo "rc=$?"; e=$(wall)
summarize $work/sing_j1.json "$s" "$e" sing
step "singing: tts sing $scores --steps 2 (the fastest sampler)"
s=$(wall); timeout 90 python3 -m tts.cli sing "$scores" --out-dir $work/sing_fast --device $device --steps 2 \
  --json > $work/sing_fast.json; echo "rc=$?"; e=$(wall)
summarize $work/sing_fast.json "$s" "$e" sing

lines=${LINES:-}
if [ -z "$lines" ]; then
  lines=$work/lines.txt
  printf '%s\n' "今天下午三点，我们在图书馆门口见面。" "这是一段用来测试的中文句子。" > "$lines"
fi
step "speech: tts synth $lines --out-dir (one wav per line)"
s=$(wall); timeout 90 python3 -m tts.cli synth "$lines" --out-dir $work/synth --device $device --json \
  > $work/synth.jsonl; echo "rc=$?"; e=$(wall)
summarize $work/synth.jsonl "$s" "$e" synth

step "DiffSinger (paper size): training step on a batch of 32 x 6 s, and sampling speed"
amp=(); [ "$device" = cuda ] && amp=(--amp)
timeout 90 python3 benchmarks/bench_diffsinger.py --preset diffsinger --device $device --batch-size ${DS_BATCH:-32} \
  --train-seconds 6 --repeats 5 "${amp[@]}"
step "FastSpeech 2 (paper size): float32 (AMP off), $((fs2_steps / 2)) steps on the same features"
timeout 90 python3 -m tts.cli train $work/gpu_fastspeech2.yaml --device $device --set run_dir=$work/fs2_fp32 \
  --set train.amp=false --set train.steps=$((fs2_steps / 2)) --set train.eval_every=$((fs2_steps / 2)) \
  --set train.checkpoint_every=$((fs2_steps / 2)) "${pitch[@]}" --json; echo "rc=$?"
python3 benchmarks/step_time.py $work/fs2_fp32
if [ "$device" = cuda ]; then
  step "vocoders: bfloat16 inference"
  timeout 60 python3 benchmarks/bench_vocoder_speed.py --device cuda --batch 16 --seconds 10 --repeats 5 \
    --precision bfloat16 \
    --presets hifigan_v1,hifigan_v3,nsf_hifigan
  step "singing: tts sing $scores --jobs 4 (four processes sharing the GPU)"
  s=$(wall); timeout 90 python3 -m tts.cli sing "$scores" --out-dir $work/sing_j4 --device cuda --jobs 4 \
    --json > $work/sing_j4.json; echo "rc=$?"; e=$(wall)
  summarize $work/sing_j4.json "$s" "$e" sing
  nvidia-smi --query-gpu=memory.used --format=csv,noheader
fi
step "done"
