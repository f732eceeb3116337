from ..util import helper
from .. import util
value = "deep:" + helper()
