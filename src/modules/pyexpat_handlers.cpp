// pyexpat_handlers.cpp — the libexpat callbacks behind the xmlparser's handler attributes
// (StartElementHandler, CharacterDataHandler, ...): each converts libexpat's arguments as CPython's
// pyexpat does and calls the Python handler, without letting a Python exception cross libexpat.
#include <string>

#include "modules/pyexpat.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy::pyexpat {

// ---- converting libexpat's UTF-8 text ----

Ref text_or_none(const XML_Char* s) { return s ? str_new(s) : Ref::borrow(None); }

namespace {

Ref text_of(const XML_Char* s, int len) { return str_new(std::string_view(s, static_cast<size_t>(len))); }

// Names (element, attribute, entity names, URIs) go through the parser's intern dict, so that the
// same name is the same str object each time, as CPython's string_intern.
Ref interned(Parser* p, const XML_Char* s) {
    if (!s) return Ref::borrow(None);
    Ref value = str_new(s);
    if (!p->intern) return value;
    Dict* d = as_dict(p->intern);
    if (Ref found = dict_get_ref(d, value.get())) return found;
    dict_set(d, value.get(), value.get());
    return value;
}

// ---- calling the Python handlers ----

// Marks the time a Python handler runs, for GetInputContext.
struct InCallback {
    Parser* p;
    explicit InCallback(Parser* parser) : p(parser) { ++p->in_callback; }
    ~InCallback() { --p->in_callback; }
};

// Calls handler `id` with `args` (Refs); null when it is not set.
template <typename... A>
Ref run_handler(Parser* p, HandlerId id, const A&... args) {
    Ref handler = Ref::borrow(p->handlers[id]);  // kept alive should the handler replace itself
    if (!handler) return Ref();
    Object* a[] = {args.get()..., nullptr};
    InCallback mark(p);
    return call(handler.get(), a, sizeof...(A));
}

}  // namespace

// CPython flushes the held-back text before any other handler runs and when Parse returns, so the
// events still arrive in document order.
void flush_text(Parser* p) {
    if (p->text.empty()) return;
    std::string data;
    data.swap(p->text);
    run_handler(p, kCharacterData, str_new(data));
}

namespace {

// After a handler raised: as CPython's flag_error, every handler is dropped, and libexpat is told to
// stop, so no further event reaches Python before Parse returns.
void stop_after_error(Parser* p) {
    for (int id = 0; id < kHandlerCount; ++id) {
        install_handler(p, id, false);
        Object* old = p->handlers[id];
        p->handlers[id] = nullptr;
        xdecref(old);
    }
    XML_StopParser(p->expat, XML_FALSE);
}

// Every libexpat callback runs its Python work through here.
template <typename Work>
void guarded(Parser* p, Work&& work) noexcept {
    if (p->pending) return;
    try {
        work();
    } catch (...) {
        p->pending = std::current_exception();
        stop_after_error(p);
    }
}

// A handler's int result (NotStandaloneHandler, ExternalEntityRefHandler), as PyLong_AsLong.
int int_result(const Ref& r) {
    int64_t v = as_index(r.get());
    return static_cast<int>(v);
}

// ---- the C callbacks, one per handler attribute ----

Parser* user(void* data) { return static_cast<Parser*>(data); }

void on_start_element(void* data, const XML_Char* name, const XML_Char** atts) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        int count = 0;
        if (p->specified_attributes) {
            count = XML_GetSpecifiedAttributeCount(p->expat);
        } else {
            while (atts[count]) count += 2;
        }
        Ref attributes = p->ordered_attributes ? list_new(static_cast<size_t>(count)) : dict_new();
        for (int i = 0; i < count; i += 2) {
            Ref key = interned(p, atts[i]);
            Ref value = str_new(atts[i + 1]);
            if (p->ordered_attributes) {
                list_append(attributes.get(), key.get());
                list_append(attributes.get(), value.get());
            } else {
                dict_set(as_dict(attributes.get()), key.get(), value.get());
            }
        }
        run_handler(p, kStartElement, interned(p, name), attributes);
    });
}

void on_end_element(void* data, const XML_Char* name) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kEndElement, interned(p, name));
    });
}

void on_processing_instruction(void* data, const XML_Char* target, const XML_Char* pi_data) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kProcessingInstruction, interned(p, target), text_or_none(pi_data));
    });
}

// With buffer_text, runs of character data are joined up to buffer_size bytes; a run longer than
// that goes to the handler on its own.
void on_character_data(void* data, const XML_Char* s, int len) {
    Parser* p = user(data);
    guarded(p, [&] {
        if (!p->buffering) {
            run_handler(p, kCharacterData, text_of(s, len));
            return;
        }
        if (p->text.size() + static_cast<size_t>(len) > static_cast<size_t>(p->buffer_size)) {
            flush_text(p);
            if (!p->handlers[kCharacterData]) return;  // the handler removed itself
        }
        if (len > p->buffer_size) {
            run_handler(p, kCharacterData, text_of(s, len));
        } else {
            p->text.append(s, static_cast<size_t>(len));
        }
    });
}

void on_unparsed_entity_decl(void* data, const XML_Char* name, const XML_Char* base,
                             const XML_Char* system_id, const XML_Char* public_id, const XML_Char* notation) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kUnparsedEntityDecl, interned(p, name), interned(p, base), interned(p, system_id),
                    interned(p, public_id), interned(p, notation));
    });
}

void on_notation_decl(void* data, const XML_Char* name, const XML_Char* base, const XML_Char* system_id,
                      const XML_Char* public_id) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kNotationDecl, interned(p, name), interned(p, base), interned(p, system_id),
                    interned(p, public_id));
    });
}

void on_start_namespace_decl(void* data, const XML_Char* prefix, const XML_Char* uri) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kStartNamespaceDecl, interned(p, prefix), interned(p, uri));
    });
}

void on_end_namespace_decl(void* data, const XML_Char* prefix) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kEndNamespaceDecl, interned(p, prefix));
    });
}

void on_comment(void* data, const XML_Char* comment) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kComment, text_or_none(comment));
    });
}

void on_start_cdata(void* data) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kStartCdataSection);
    });
}

void on_end_cdata(void* data) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kEndCdataSection);
    });
}

void on_default(void* data, const XML_Char* s, int len) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kDefault, text_of(s, len));
    });
}

void on_default_expand(void* data, const XML_Char* s, int len) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kDefaultExpand, text_of(s, len));
    });
}

int on_not_standalone(void* data) {
    Parser* p = user(data);
    int rc = 0;
    guarded(p, [&] {
        flush_text(p);
        if (Ref r = run_handler(p, kNotStandalone)) rc = int_result(r);
    });
    return rc;
}

int on_external_entity_ref(XML_Parser parser, const XML_Char* context, const XML_Char* base,
                           const XML_Char* system_id, const XML_Char* public_id) {
    Parser* p = user(XML_GetUserData(parser));
    int rc = 0;
    guarded(p, [&] {
        flush_text(p);
        Ref r = run_handler(p, kExternalEntityRef, text_or_none(context), interned(p, base),
                            interned(p, system_id), interned(p, public_id));
        if (r) rc = int_result(r);
    });
    return rc;
}

void on_start_doctype(void* data, const XML_Char* name, const XML_Char* system_id, const XML_Char* public_id,
                      int has_internal_subset) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kStartDoctypeDecl, interned(p, name), interned(p, system_id), interned(p, public_id),
                    int_from_i64(has_internal_subset));
    });
}

void on_end_doctype(void* data) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kEndDoctypeDecl);
    });
}

void on_entity_decl(void* data, const XML_Char* name, int is_parameter_entity, const XML_Char* value,
                    int value_length, const XML_Char* base, const XML_Char* system_id,
                    const XML_Char* public_id, const XML_Char* notation) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        Ref text = value ? text_of(value, value_length) : Ref::borrow(None);
        run_handler(p, kEntityDecl, interned(p, name), int_from_i64(is_parameter_entity), text,
                    interned(p, base), interned(p, system_id), interned(p, public_id), interned(p, notation));
    });
}

void on_xml_decl(void* data, const XML_Char* version, const XML_Char* encoding, int standalone) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kXmlDecl, text_or_none(version), text_or_none(encoding), int_from_i64(standalone));
    });
}

// An element's content model as CPython gives it: (type, quantifier, name or None, children),
// the children tuples of the same shape. Deep models raise RecursionError rather than overflow.
Ref content_model(const XML_Content* m) {
    RecursionGuard guard;
    Ref children = tuple_new(m->numchildren);
    for (unsigned i = 0; i < m->numchildren; ++i)
        as_tuple(children.get())->items[i] = content_model(&m->children[i]).release();
    Ref parts[4] = {int_from_i64(m->type), int_from_i64(m->quant), text_or_none(m->name), children};
    Object* items[4] = {parts[0].get(), parts[1].get(), parts[2].get(), parts[3].get()};
    return tuple_from(items, 4);
}

void on_element_decl(void* data, const XML_Char* name, XML_Content* model) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        Ref tree = content_model(model);
        run_handler(p, kElementDecl, interned(p, name), tree);
    });
    XML_FreeContentModel(p->expat, model);  // ours to free, whatever happened
}

void on_attlist_decl(void* data, const XML_Char* element, const XML_Char* attribute, const XML_Char* type,
                     const XML_Char* default_value, int is_required) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kAttlistDecl, interned(p, element), interned(p, attribute), text_or_none(type),
                    text_or_none(default_value), int_from_i64(is_required));
    });
}

void on_skipped_entity(void* data, const XML_Char* name, int is_parameter_entity) {
    Parser* p = user(data);
    guarded(p, [&] {
        flush_text(p);
        run_handler(p, kSkippedEntity, interned(p, name), int_from_i64(is_parameter_entity));
    });
}

}  // namespace

// Encodings libexpat does not know itself (it knows UTF-8, UTF-16, ISO-8859-1 and ASCII): single-byte
// ones are decoded through Python's codecs, one table entry per byte, as CPython's
// PyUnknownEncodingHandler; -1 marks a byte the codec cannot decode.
int on_unknown_encoding(void* data, const XML_Char* name, XML_Encoding* info) {
    Parser* p = user(data);
    if (p->pending) return XML_STATUS_ERROR;
    try {
        std::string all_bytes(256, '\0');
        for (int i = 0; i < 256; ++i) all_bytes[i] = static_cast<char>(i);
        Ref raw = bytes_new(all_bytes);
        Ref decode = get_attr(raw.get(), intern("decode"));
        Ref codec_args[2] = {str_new(name), str_new("replace")};
        Object* a[2] = {codec_args[0].get(), codec_args[1].get()};
        Ref decoded = call(decode.get(), a, 2);
        const std::string& utf8 = str_utf8_of(decoded.get());
        const char* s = utf8.data();
        const char* end = s + utf8.size();
        int count = 0;
        while (s < end) {
            uint32_t ch = utf8_decode(s);
            if (count < 256) info->map[count] = ch == 0xFFFD ? -1 : static_cast<int>(ch);
            ++count;
        }
        if (count != 256) raise(&ValueError_type, "multi-byte encodings are not supported");
        info->data = nullptr;
        info->convert = nullptr;
        info->release = nullptr;
        return XML_STATUS_OK;
    } catch (...) {
        p->pending = std::current_exception();
        return XML_STATUS_ERROR;
    }
}

namespace {

// The attribute names and how each turns its libexpat callback on (true) or off.
struct HandlerSpec {
    const char* name;
    void (*install)(XML_Parser, bool on);
};

const HandlerSpec kHandlers[kHandlerCount] = {
    {"StartElementHandler",
     [](XML_Parser x, bool on) { XML_SetStartElementHandler(x, on ? on_start_element : nullptr); }},
    {"EndElementHandler",
     [](XML_Parser x, bool on) { XML_SetEndElementHandler(x, on ? on_end_element : nullptr); }},
    {"ProcessingInstructionHandler",
     [](XML_Parser x, bool on) {
         XML_SetProcessingInstructionHandler(x, on ? on_processing_instruction : nullptr);
     }},
    {"CharacterDataHandler",
     [](XML_Parser x, bool on) { XML_SetCharacterDataHandler(x, on ? on_character_data : nullptr); }},
    {"UnparsedEntityDeclHandler",
     [](XML_Parser x, bool on) {
         XML_SetUnparsedEntityDeclHandler(x, on ? on_unparsed_entity_decl : nullptr);
     }},
    {"NotationDeclHandler",
     [](XML_Parser x, bool on) { XML_SetNotationDeclHandler(x, on ? on_notation_decl : nullptr); }},
    {"StartNamespaceDeclHandler",
     [](XML_Parser x, bool on) {
         XML_SetStartNamespaceDeclHandler(x, on ? on_start_namespace_decl : nullptr);
     }},
    {"EndNamespaceDeclHandler",
     [](XML_Parser x, bool on) { XML_SetEndNamespaceDeclHandler(x, on ? on_end_namespace_decl : nullptr); }},
    {"CommentHandler", [](XML_Parser x, bool on) { XML_SetCommentHandler(x, on ? on_comment : nullptr); }},
    {"StartCdataSectionHandler",
     [](XML_Parser x, bool on) { XML_SetStartCdataSectionHandler(x, on ? on_start_cdata : nullptr); }},
    {"EndCdataSectionHandler",
     [](XML_Parser x, bool on) { XML_SetEndCdataSectionHandler(x, on ? on_end_cdata : nullptr); }},
    {"DefaultHandler", [](XML_Parser x, bool on) { XML_SetDefaultHandler(x, on ? on_default : nullptr); }},
    {"DefaultHandlerExpand",
     [](XML_Parser x, bool on) { XML_SetDefaultHandlerExpand(x, on ? on_default_expand : nullptr); }},
    {"NotStandaloneHandler",
     [](XML_Parser x, bool on) { XML_SetNotStandaloneHandler(x, on ? on_not_standalone : nullptr); }},
    {"ExternalEntityRefHandler",
     [](XML_Parser x, bool on) {
         XML_SetExternalEntityRefHandler(x, on ? on_external_entity_ref : nullptr);
     }},
    {"StartDoctypeDeclHandler",
     [](XML_Parser x, bool on) { XML_SetStartDoctypeDeclHandler(x, on ? on_start_doctype : nullptr); }},
    {"EndDoctypeDeclHandler",
     [](XML_Parser x, bool on) { XML_SetEndDoctypeDeclHandler(x, on ? on_end_doctype : nullptr); }},
    {"EntityDeclHandler",
     [](XML_Parser x, bool on) { XML_SetEntityDeclHandler(x, on ? on_entity_decl : nullptr); }},
    {"XmlDeclHandler", [](XML_Parser x, bool on) { XML_SetXmlDeclHandler(x, on ? on_xml_decl : nullptr); }},
    {"ElementDeclHandler",
     [](XML_Parser x, bool on) { XML_SetElementDeclHandler(x, on ? on_element_decl : nullptr); }},
    {"AttlistDeclHandler",
     [](XML_Parser x, bool on) { XML_SetAttlistDeclHandler(x, on ? on_attlist_decl : nullptr); }},
    {"SkippedEntityHandler",
     [](XML_Parser x, bool on) { XML_SetSkippedEntityHandler(x, on ? on_skipped_entity : nullptr); }},
};

}  // namespace

void install_handler(Parser* p, int id, bool on) { kHandlers[id].install(p->expat, on); }

int handler_index(const std::string& name) {
    for (int id = 0; id < kHandlerCount; ++id)
        if (name == kHandlers[id].name) return id;
    return -1;
}

// libexpat calls back only for the handlers that are set, so that unset ones fall to DefaultHandler
// as libexpat intends.
void set_handler(Parser* p, int id, Object* value) {
    if (id == kCharacterData) flush_text(p);  // text held back goes to the handler it was read under
    Object* old = p->handlers[id];
    p->handlers[id] = value == None ? nullptr : newref(value);
    install_handler(p, id, value != None);
    xdecref(old);
}

}  // namespace minipy::pyexpat
