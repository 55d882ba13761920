"""NSF-iSTFT-HiFi-GAN: the NSF harmonic-plus-noise source driving an iSTFT-HiFi-GAN.

The singing path's fast CPU vocoder. :mod:`tts.models.nsf` makes the output follow the F0 it is
given by injecting a sine excitation into every upsampling stage; :mod:`tts.models.istft` stops
upsampling at 1/16 of the sample rate and lets an inverse STFT make the waveform. Here both: the
excitation is brought to each stage's rate by a strided convolution (stride
``prod(later rates) * istft_hop``), so even the last stage sees the source's phase at the head's
frame rate, and the head turns features into a short spectrum. No convolution runs above 1/16 of the
sample rate, which is where NSF-HiFi-GAN spends most of its time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional

from torch import Tensor

from tts.audio.params import AudioConfig
from tts.errors import InputError
from tts.models.istft import ISTFT_PRESETS, ISTFTHiFiGANConfig, build_istft_generator, head_field
from tts.models.nsf import NSFHiFiGANConfig, build_injectors, build_source, injector_field, inject_source
from tts.models.vocoder import ChunkPosition, VocoderModel
from tts.registry import VOCODERS


@dataclass
class NSFISTFTHiFiGANConfig(ISTFTHiFiGANConfig, NSFHiFiGANConfig):
    """iSTFT-HiFi-GAN fields plus the NSF source's. Scope: network (retrain) except ``noise_seed``."""


NSF_ISTFT_PRESETS: dict[str, NSFISTFTHiFiGANConfig] = {
    # istft_hifigan_small's generator (V3-style blocks, two x4 stages, 64-point iSTFT) + the NSF source
    "nsf_istft_hifigan_small": NSFISTFTHiFiGANConfig(**asdict(ISTFT_PRESETS["istft_hifigan_small"])),
}


@VOCODERS.register("nsf-istft-hifigan")
class NSFISTFTHiFiGAN(VocoderModel):
    """``mel [B, n_mels, T]`` + ``f0 [B, T]`` Hz → ``wav [B, T * hop_length]``: follows the F0, fast on CPUs."""

    config_class = NSFISTFTHiFiGANConfig
    presets = NSF_ISTFT_PRESETS
    needs_f0 = True
    quality = "neural (NSF-iSTFT-HiFi-GAN)"

    def __init__(self, config: NSFISTFTHiFiGANConfig, audio: AudioConfig) -> None:
        super().__init__(audio)
        self.config = config
        self.source = build_source(config, audio)
        self.backbone, self.head = build_istft_generator(config, audio)
        self.injectors = build_injectors(self.backbone.channels, config.upsample_rates, config.istft_hop)

    def frame_cycles(self, f0: Tensor) -> Tensor:
        return self.source.frame_cycles(f0)

    def receptive_field(self) -> float:
        return (self.backbone.receptive_field()
                + head_field(self.config, self.backbone.samples_per_frame, self.hop_length)
                + injector_field(self.injectors, self.hop_length, self.config.pre_kernel_size))

    def generate(self, mel: Tensor, f0: Optional[Tensor], position: ChunkPosition) -> Tensor:
        if f0 is None:  # check_input guarantees it; generate may also be called directly
            raise InputError("NSF-iSTFT-HiFi-GAN needs an F0 curve [B, T] in Hz")
        inject = inject_source(self.source, self.injectors, f0, position)  # [B, C_i, stage i's rate]
        return self.head(self.backbone(mel, inject))  # [B, T * hop]
