# sys.exit with a string prints it to stderr and exits with status 1; sys.exit() alone exits 0.
import sys

def main(args):
    if len(args) < 2:
        sys.exit("error: missing argument")
    print("got", args[1])

main(sys.argv)
