/* pdfa.c - what PDF/A-1b adds to a PDF: the XMP packet, the sRGB output
 * intent and a file identifier derived from the content.
 */
#include "pdfa.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "file.h"
#include "pdfint.h"
#include "utf8.h"

/* The largest ICC profile read (sRGB's is 3 KB). */
#define PDFA_MAX_PROFILE (4u << 20)

/* A date both the information dictionary (D:YYYY...) and the XMP packet
 * can write alike: from 1970 to the end of 9999. Layout gives no other;
 * a display list built elsewhere might. */
int pdfa_writable_date(long long when)
{
    return when >= 0 && when <= DATE_MAX_EPOCH;
}


/* s escaped for XML, its noncharacters written as U+FFFD as the
 * document information writes them (tag_text_string). */
static void xml_escaped(HPDF_Stream st, const char *s)
{
    const char *p = s, *end = s ? s + strlen(s) : s;
    while (p < end) {
        const char *start = p;
        uint32_t cp = utf8_next(&p, end);
        switch (cp) {
        case '&': HPDF_Stream_WriteStr(st, "&amp;"); break;
        case '<': HPDF_Stream_WriteStr(st, "&lt;"); break;
        case '>': HPDF_Stream_WriteStr(st, "&gt;"); break;
        case '"': HPDF_Stream_WriteStr(st, "&quot;"); break;
        default:
            if (cp == UTF8_INVALID || utf8_is_noncharacter(cp))
                HPDF_Stream_WriteStr(st, "\xEF\xBF\xBD");
            else
                HPDF_Stream_Write(st, (const HPDF_BYTE *)start, (HPDF_UINT)(p - start));
            break;
        }
    }
}

static void xmp_element(HPDF_Stream st, const char *open, const char *value, const char *close)
{
    if (!value || !*value)
        return;
    HPDF_Stream_WriteStr(st, open);
    xml_escaped(st, value);
    HPDF_Stream_WriteStr(st, close);
}

/* The description of the PDF/UA identifier's schema, which PDF/A-1
 * asks for any schema it does not itself define. */
static const char ua_schema[] =
    "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n";

/* The XMP packet: the document information again, in XML, escaped, its
 * language, the PDF/UA identifier, and for PDF/A its claim and the
 * description of the PDF/UA schema. libharu's own packet leaves values
 * unescaped and the title out, so it is written here. */
static int write_xmp(HPDF_Doc pdf, const dl_doc *d, int pdfa)
{
    HPDF_Dict xmp = pdfi_stream_new(pdf);
    if (!xmp)
        return -1;
    pdfi_stream_filter(xmp, HPDF_STREAM_FILTER_NONE);  /* metadata stays readable */
    HPDF_Dict_AddName(xmp, "Type", "Metadata");
    HPDF_Dict_AddName(xmp, "Subtype", "XML");
    HPDF_Stream st = pdfi_stream_data(xmp);
    HPDF_Stream_WriteStr(st, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    xmp_element(st, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", d->title,
                "</rdf:li></rdf:Alt></dc:title>\n");
    xmp_element(st, "<dc:creator><rdf:Seq><rdf:li>", d->author, "</rdf:li></rdf:Seq></dc:creator>\n");
    xmp_element(st, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", d->subject,
                "</rdf:li></rdf:Alt></dc:description>\n");
    xmp_element(st, "<dc:language><rdf:Bag><rdf:li>", d->lang, "</rdf:li></rdf:Bag></dc:language>\n");
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
        "<pdf:Producer>boardpress</pdf:Producer>\n");
    xmp_element(st, "<pdf:Keywords>", d->keywords, "</pdf:Keywords>\n");
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "<xmp:CreatorTool>boardpress</xmp:CreatorTool>\n");
    if (pdfa_writable_date(d->date)) {
        time_t t = (time_t)d->date;
        struct tm tm;
        char when[40];
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        xmp_element(st, "<xmp:CreateDate>", when, "</xmp:CreateDate>\n");
        xmp_element(st, "<xmp:ModifyDate>", when, "</xmp:ModifyDate>\n");
    }
    HPDF_Stream_WriteStr(st, "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
    if (pdfa)
        HPDF_Stream_WriteStr(st, "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
            "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
            "</rdf:Description>\n");
    if (pdfa)
        HPDF_Stream_WriteStr(st, ua_schema);
    HPDF_Stream_WriteStr(st, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    return HPDF_Dict_Add(pdfi_catalog(pdf), "Metadata", xmp) == HPDF_OK ? 0 : -1;
}

int pdfa_metadata(HPDF_Doc pdf, const dl_doc *d, int pdfa)
{
    return write_xmp(pdf, d, pdfa);
}

/* The sRGB output intent every PDF/A file carries. */
static int output_intent(HPDF_Doc pdf, const char *icc_profile, const char *condition)
{
    /* through file.c: a pipe named as the profile must not block */
    size_t len = 0;
    unsigned char *profile = icc_profile ? file_read(icc_profile, NULL, PDFA_MAX_PROFILE, &len,
                                                          NULL, NULL, 0) : NULL;
    HPDF_Dict icc = profile ? pdfi_stream_new(pdf) : NULL;
    if (!icc) {
        free(profile);
        return -1;
    }
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Stream_Write(pdfi_stream_data(icc), profile, (HPDF_UINT)len);
    free(profile);
    HPDF_Dict intent = HPDF_Dict_New(pdfi_mmgr(pdf));
    if (!intent || HPDF_Xref_Add(pdfi_xref(pdf), intent) != HPDF_OK)
        return -1;
    const char *cond = condition ? condition : "sRGB";
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdfi_mmgr(pdf), cond, NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdfi_mmgr(pdf), cond, NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array intents = HPDF_Array_New(pdfi_mmgr(pdf));
    if (!intents)
        return -1;
    HPDF_Array_Add(intents, intent);
    return HPDF_Dict_Add(pdfi_catalog(pdf), "OutputIntents", intents) == HPDF_OK ? 0 : -1;
}

/* The file identifier: a digest of what the pages show, so that the same
 * report gives the same /ID (libharu's own comes from the clock). */
static int file_id(HPDF_Doc pdf, const dl_doc *d)
{
    unsigned char digest[16];
    pdfi_digest *md5 = pdfi_digest_begin();
    if (d->title)
        pdfi_digest_add(md5, d->title, strlen(d->title));
    for (const dl_page *p = d->first; p; p = p->next)
        for (const dl_item *it = p->first; it; it = it->next) {
            if (it->kind == DL_TEXT)
                pdfi_digest_add(md5, it->bytes, strlen(it->bytes));
            double pos[2] = { it->x, it->y };
            pdfi_digest_add(md5, pos, sizeof pos);
        }
    pdfi_digest_end(md5, digest);
    HPDF_Array id = HPDF_Array_New(pdfi_mmgr(pdf));
    if (!id || HPDF_Dict_Add(pdfi_trailer(pdf), "ID", id) != HPDF_OK)
        return -1;
    HPDF_Array_Add(id, HPDF_Binary_New(pdfi_mmgr(pdf), digest, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(pdfi_mmgr(pdf), digest, 16));
    return 0;
}

int pdfa_write(HPDF_Doc pdf, const dl_doc *d, const char *icc_profile, const char *condition)
{
    return output_intent(pdf, icc_profile, condition) != 0 || file_id(pdf, d) != 0 ? -1 : 0;
}
