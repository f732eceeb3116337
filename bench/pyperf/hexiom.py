# hexiom: pyperformance's Hexiom puzzle solver (Laurent Vaucher's hexiom2) on level 25 — constraint
# propagation over lists of candidate values, list copies, `in` tests on small lists, recursion
# with backtracking; the solved board is printed and compared with the known solution.

LEVEL = 25
ROUNDS = 110


class Dir(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


DIRS = [Dir(1, 0), Dir(-1, 0), Dir(0, 1), Dir(0, -1), Dir(1, 1), Dir(-1, -1)]

EMPTY = 7


class Done(object):
    # The candidate values still possible for each cell (a cell with one candidate is decided).
    MIN_CHOICE_STRATEGY = 0
    MAX_CHOICE_STRATEGY = 1
    HIGHEST_VALUE_STRATEGY = 2
    FIRST_STRATEGY = 3

    def __init__(self, count, empty=False):
        self.count = count
        self.cells = None if empty else [[0, 1, 2, 3, 4, 5, 6, EMPTY] for i in range(count)]

    def clone(self):
        ret = Done(self.count, True)
        ret.cells = [self.cells[i][:] for i in range(self.count)]
        return ret

    def __getitem__(self, i):
        return self.cells[i]

    def set_done(self, i, v):
        self.cells[i] = [v]

    def already_done(self, i):
        return len(self.cells[i]) == 1

    def remove(self, i, v):
        if v in self.cells[i]:
            self.cells[i].remove(v)
            return True
        return False

    def remove_all(self, v):
        for i in range(self.count):
            self.remove(i, v)

    def remove_unfixed(self, v):
        changed = False
        for i in range(self.count):
            if not self.already_done(i):
                if self.remove(i, v):
                    changed = True
        return changed

    def filter_tiles(self, tiles):
        for v in range(8):
            if tiles[v] == 0:
                self.remove_all(v)

    def next_cell_min_choice(self):
        minlen = 10
        mini = -1
        for i in range(self.count):
            if 1 < len(self.cells[i]) < minlen:
                minlen = len(self.cells[i])
                mini = i
        return mini

    def next_cell_max_choice(self):
        maxlen = 1
        maxi = -1
        for i in range(self.count):
            if maxlen < len(self.cells[i]):
                maxlen = len(self.cells[i])
                maxi = i
        return maxi

    def next_cell_highest_value(self):
        maxval = -1
        maxi = -1
        for i in range(self.count):
            if not self.already_done(i):
                maxvali = max(k for k in self.cells[i] if k != EMPTY)
                if maxval < maxvali:
                    maxval = maxvali
                    maxi = i
        return maxi

    def next_cell_first(self):
        for i in range(self.count):
            if not self.already_done(i):
                return i
        return -1

    def next_cell(self, pos, strategy=HIGHEST_VALUE_STRATEGY):
        if strategy == Done.HIGHEST_VALUE_STRATEGY:
            return self.next_cell_highest_value()
        elif strategy == Done.MIN_CHOICE_STRATEGY:
            return self.next_cell_min_choice()
        elif strategy == Done.MAX_CHOICE_STRATEGY:
            return self.next_cell_max_choice()
        elif strategy == Done.FIRST_STRATEGY:
            return self.next_cell_first()
        raise Exception("Wrong strategy: %d" % strategy)


class Node(object):
    def __init__(self, pos, ident, links):
        self.pos = pos
        self.id = ident
        self.links = links


class Hex(object):
    # A hexagonal board of side `size`; cells are numbered row by row.
    def __init__(self, size):
        self.size = size
        self.count = 3 * size * (size - 1) + 1
        self.nodes_by_id = self.count * [None]
        self.nodes_by_pos = {}
        ident = 0
        for y in range(size):
            for x in range(size + y):
                self.add_node((x, y), ident)
                ident += 1
        for y in range(1, size):
            for x in range(y, size * 2 - 1):
                self.add_node((x, size + y - 1), ident)
                ident += 1

    def add_node(self, pos, ident):
        node = Node(pos, ident, [])
        self.nodes_by_pos[pos] = node
        self.nodes_by_id[node.id] = node

    def link_nodes(self):
        for node in self.nodes_by_id:
            (x, y) = node.pos
            for d in DIRS:
                nx = x + d.x
                ny = y + d.y
                if self.contains_pos((nx, ny)):
                    node.links.append(self.nodes_by_pos[(nx, ny)].id)

    def contains_pos(self, pos):
        return pos in self.nodes_by_pos

    def get_by_pos(self, pos):
        return self.nodes_by_pos[pos]

    def get_by_id(self, ident):
        return self.nodes_by_id[ident]


class Pos(object):
    def __init__(self, hex, tiles, done=None):
        self.hex = hex
        self.tiles = tiles
        self.done = Done(hex.count) if done is None else done

    def clone(self):
        return Pos(self.hex, self.tiles, self.done.clone())


def constraint_pass(pos, last_move=None):
    # One round of deductions; returns whether anything changed.
    changed = False
    left = pos.tiles[:]
    done = pos.done

    # A cell's number must lie between its decided non-empty neighbours and all possible ones.
    free_cells = range(done.count) if last_move is None else pos.hex.get_by_id(last_move).links
    for i in free_cells:
        if not done.already_done(i):
            vmax = 0
            vmin = 0
            for nid in pos.hex.get_by_id(i).links:
                if done.already_done(nid):
                    if done[nid][0] != EMPTY:
                        vmin += 1
                        vmax += 1
                else:
                    vmax += 1
            for num in range(7):
                if (num < vmin) or (num > vmax):
                    if done.remove(i, num):
                        changed = True

    # Tiles of each value still to place.
    for cell in done.cells:
        if len(cell) == 1:
            left[cell[0]] -= 1
    for v in range(8):
        if (pos.tiles[v] > 0) and (left[v] == 0):
            if done.remove_unfixed(v):
                changed = True
        else:
            possible = sum((1 if v in cell else 0) for cell in done.cells)
            if pos.tiles[v] == possible:
                for i in range(done.count):
                    cell = done.cells[i]
                    if (not done.already_done(i)) and (v in cell):
                        done.set_done(i, v)
                        changed = True

    # Around a decided cell, force its undecided neighbours empty or non-empty when the count says so.
    filled_cells = range(done.count) if last_move is None else [last_move]
    for i in filled_cells:
        if done.already_done(i):
            num = done[i][0]
            empties = 0
            filled = 0
            unknown = []
            for nid in pos.hex.get_by_id(i).links:
                if done.already_done(nid):
                    if done[nid][0] == EMPTY:
                        empties += 1
                    else:
                        filled += 1
                else:
                    unknown.append(nid)
            if len(unknown) > 0:
                if num == filled:
                    for u in unknown:
                        if EMPTY in done[u]:
                            done.set_done(u, EMPTY)
                            changed = True
                elif num == filled + len(unknown):
                    for u in unknown:
                        if done.remove(u, EMPTY):
                            changed = True
    return changed


ASCENDING = 1
DESCENDING = -1


def find_moves(pos, strategy, order):
    done = pos.done
    cell_id = done.next_cell(pos, strategy)
    if cell_id < 0:
        return []
    if order == ASCENDING:
        return [(cell_id, v) for v in done[cell_id]]
    # Higher values first, EMPTY last.
    moves = list(reversed([(cell_id, v) for v in done[cell_id] if v != EMPTY]))
    if EMPTY in done[cell_id]:
        moves.append((cell_id, EMPTY))
    return moves


def play_move(pos, move):
    (cell_id, i) = move
    pos.done.set_done(cell_id, i)


def format_pos(pos):
    hex = pos.hex
    done = pos.done
    size = hex.size
    lines = []
    rows = [(size - y - 1, y, range(size + y)) for y in range(size)]
    rows += [(y, size + y - 1, range(y, size * 2 - 1)) for y in range(1, size)]
    for indent, y, xs in rows:
        parts = [" " * indent]
        for x in xs:
            ident = hex.get_by_pos((x, y)).id
            if done.already_done(ident):
                c = str(done[ident][0]) if done[ident][0] != EMPTY else "."
            else:
                c = "?"
            parts.append("%s " % c)
        lines.append("".join(parts).rstrip())
    return "\n".join(lines)


OPEN = 0
SOLVED = 1
IMPOSSIBLE = -1


def solved(pos, output):
    hex = pos.hex
    tiles = pos.tiles[:]
    done = pos.done
    exact = True
    all_done = True
    for i in range(hex.count):
        if len(done[i]) == 0:
            return IMPOSSIBLE
        elif done.already_done(i):
            num = done[i][0]
            tiles[num] -= 1
            if tiles[num] < 0:
                return IMPOSSIBLE
            vmax = 0
            vmin = 0
            if num != EMPTY:
                for nid in hex.get_by_id(i).links:
                    if done.already_done(nid):
                        if done[nid][0] != EMPTY:
                            vmin += 1
                            vmax += 1
                    else:
                        vmax += 1
                if (num < vmin) or (num > vmax):
                    return IMPOSSIBLE
                if num != vmin:
                    exact = False
        else:
            all_done = False
    if (not all_done) or (not exact):
        return OPEN
    output.append(format_pos(pos))
    return SOLVED


def solve_step(prev, strategy, order, output, first=False):
    if first:
        pos = prev.clone()
        while constraint_pass(pos):
            pass
    else:
        pos = prev
    moves = find_moves(pos, strategy, order)
    if len(moves) == 0:
        return solved(pos, output)
    for move in moves:
        new_pos = pos.clone()
        play_move(new_pos, move)
        while constraint_pass(new_pos, move[0]):
            pass
        ret = solved(new_pos, output)
        if ret == OPEN:
            ret = solve_step(new_pos, strategy, order, output)
        if ret == SOLVED:
            return SOLVED
    return IMPOSSIBLE


def check_valid(pos):
    tiles = pos.tiles
    tot = 0
    for i in range(8):
        if tiles[i] > 0:
            tot += tiles[i]
        else:
            tiles[i] = 0
    if tot != pos.hex.count:
        raise Exception("Invalid input. Expected %d tiles, got %d." % (pos.hex.count, tot))


def read_board(text):
    # Parses the puzzle: the size, then one line per row; "+" marks a locked tile, "." an empty one.
    lines = [line.strip("\r\n") for line in text.splitlines()]
    size = int(lines[0])
    hex = Hex(size)
    tiles = 8 * [0]
    done = Done(hex.count)
    rows = [(lines[1 + y][size - y - 1:], y, range(size + y)) for y in range(size)]
    rows += [(lines[size + y][y:], size - 1 + y, range(y, size * 2 - 1)) for y in range(1, size)]
    for line, y, xs in rows:
        p = 0
        for x in xs:
            tile = line[p:p + 2]
            p += 2
            inctile = EMPTY if tile[1] == "." else int(tile)
            tiles[inctile] += 1
            if tile[0] == "+":
                done.set_done(hex.get_by_pos((x, y)).id, inctile)
    hex.link_nodes()
    done.filter_tiles(tiles)
    return Pos(hex, tiles, done)


LEVELS = {}
LEVELS[25] = ("""
3
   4 . .
  . . 2 .
 4 3 2 . 4
  2 2 3 .
   4 2 4
""", """\
  3 4 2
 2 4 4 .
. . . 4 2
 . 2 4 3
  . 2 .""")


def main():
    board, expected = LEVELS[LEVEL]
    board = board.strip()
    for _ in range(ROUNDS):
        output = []
        pos = read_board(board)
        check_valid(pos)
        status = solve_step(pos, Done.FIRST_STRATEGY, DESCENDING, output, first=True)
    result = "\n".join(output)
    if result != expected:
        raise AssertionError("got a wrong answer:\n%s\nexpected:\n%s" % (result, expected))
    print("status", status)
    print(result)


main()
