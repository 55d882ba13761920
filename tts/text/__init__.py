"""Mandarin text frontend: normalization, G2P (polyphones, sandhi, erhua), phoneme inventory."""
