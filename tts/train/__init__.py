"""The training engine shared by every model: loop, checkpoints, logging, distributed setup."""
