"""Audio core: file I/O, the one STFT / mel / energy implementation, pitch extraction."""
