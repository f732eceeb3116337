// pyexpat.h — what the two halves of the native `pyexpat` module share: the xmlparser object
// (pyexpat_module.cpp: the type, its methods and the module) and the libexpat callbacks that call
// its Python handlers (pyexpat_handlers.cpp).
#pragma once

#include <expat.h>

#include <atomic>
#include <exception>
#include <string>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy::pyexpat {

constexpr int kDefaultBufferSize = 8192;  // buffer_size's default, CPython's CHARACTER_DATA_BUFFER_SIZE

// The handler attributes, in CPython's order (the order `dir()` and the tests walk them in).
enum HandlerId {
    kStartElement,
    kEndElement,
    kProcessingInstruction,
    kCharacterData,
    kUnparsedEntityDecl,
    kNotationDecl,
    kStartNamespaceDecl,
    kEndNamespaceDecl,
    kComment,
    kStartCdataSection,
    kEndCdataSection,
    kDefault,
    kDefaultExpand,
    kNotStandalone,
    kExternalEntityRef,
    kStartDoctypeDecl,
    kEndDoctypeDecl,
    kEntityDecl,
    kXmlDecl,
    kElementDecl,
    kAttlistDecl,
    kSkippedEntity,
    kHandlerCount
};

// One xmlparser. Everything a parse needs lives here, nothing in globals, so parsers on different
// threads share no state; `busy` refuses a second Parse of the same parser while one runs (from a
// handler, or from another thread in minipy-ft), which would corrupt libexpat's state.
struct Parser : Object {
    MINIPY_GC_ALLOCATED
    XML_Parser expat = nullptr;
    Object* handlers[kHandlerCount] = {};  // owned; null where the attribute is None
    Object* intern = nullptr;              // owned: the dict names are interned in, or null (intern=None)
    Object* parent = nullptr;              // owned: the parser an external entity parser was made from
    bool ordered_attributes = false;
    bool specified_attributes = false;
    bool namespace_prefixes = false;
    bool buffering = false;  // buffer_text
    int buffer_size = kDefaultBufferSize;
    std::string text;     // character data buffer_text holds back, UTF-8
    int in_callback = 0;  // GetInputContext answers only inside a handler
    std::atomic<bool> busy{false};
    // The exception a handler raised: C++ exceptions must not unwind through libexpat's C frames, so
    // the callback keeps it here, stops the parser, and Parse throws it again once libexpat returns.
    std::exception_ptr pending;
};

inline Parser* as_parser(Object* o) { return static_cast<Parser*>(o); }

// UTF-8 text from libexpat as a str; None for a null pointer.
Ref text_or_none(const XML_Char* s);
// Hands the character data buffer_text held back to CharacterDataHandler.
void flush_text(Parser* p);
// The handler attribute called `name`, or -1.
int handler_index(const std::string& name);
// Sets handler `id` to `value` (None clears it) and turns its libexpat callback on or off.
void set_handler(Parser* p, int id, Object* value);
// Turns handler `id`'s libexpat callback on or off, leaving the Python handler as it is.
void install_handler(Parser* p, int id, bool on);
// libexpat's unknown-encoding handler: single-byte encodings through Python's codecs. `data` is the
// Parser.
int on_unknown_encoding(void* data, const XML_Char* name, XML_Encoding* info);

}  // namespace minipy::pyexpat
