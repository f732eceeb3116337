// completion.h — what Tab offers at the prompt, following CPython's rlcompleter: keywords and the
// names in scope, attributes after a dot, module names after `import` and `from`, and the names
// of a module after `from module import`.
#pragma once

#include <string>
#include <vector>

namespace minipy::cli {

// The characters that end the word Tab completes (rlcompleter's delimiters: '.' is not one, so
// `os.pa` is completed as a whole).
extern const char* const kCompletionDelimiters;

// The completions of `word`, the text just before the cursor, given the line up to the word.
// Evaluates nothing but the names and attribute look-ups before the last dot; a Python exception
// on the way gives no completions.
std::vector<std::string> completions(const std::string& line_before_word, const std::string& word);

}  // namespace minipy::cli
