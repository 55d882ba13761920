"""Corpus readers: one module per layout, each registered in ``tts.registry.CORPORA``.

``read_corpus("csmsc", "/data/BZNSYP")`` returns a :class:`Corpus` of items plus the problems
(file:line: reason) met on the way. Every reader accepts option ``textgrids: <dir>`` to attach
MFA alignments.
"""

from tts.data.corpora.aishell3 import read_aishell3
from tts.data.corpora.base import (
    AlignmentMismatch,
    Corpus,
    Problem,
    frames_from_intervals,
    read_corpus,
)
from tts.data.corpora.csmsc import read_csmsc
from tts.data.corpora.demo_sing import read_demo_sing
from tts.data.corpora.folder import read_folder
from tts.data.corpora.labels import PhoneAlignment, labels_to_alignment
from tts.data.corpora.ljspeech import read_ljspeech
from tts.data.corpora.m4singer import read_m4singer
from tts.data.corpora.opencpop import read_opencpop
from tts.data.corpora.textgrid import Interval, read_mfa_alignments, read_textgrid

__all__ = [
    "AlignmentMismatch", "Corpus", "Interval", "PhoneAlignment", "Problem", "frames_from_intervals",
    "labels_to_alignment", "read_aishell3", "read_corpus", "read_csmsc", "read_demo_sing", "read_folder",
    "read_ljspeech", "read_m4singer", "read_mfa_alignments", "read_opencpop", "read_textgrid",
]
