print("pkg init", __name__, __package__)
from . import util
from .util import helper
