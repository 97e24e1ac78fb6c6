package bot

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"time"
)

// Quote is a testimonial a manager may publish: its text, and the first
// name it may carry ("" for an anonymous one).
type Quote struct {
	Testimonial
	Name string
}

// shareQuotes returns the testimonials that may be shared, oldest first:
// those whose member said "anonymously" or "with my first name". A quote
// carries its author's first name only when both members of the pair
// said "with my first name" and the author's record still has a name;
// otherwise it is anonymous. names gives a member's display name.
func shareQuotes(all []Testimonial, names func(MemberID) string) []Quote {
	consent := map[string]map[MemberID]string{} // pair → member → share
	for _, tm := range all {
		if consent[tm.Pair] == nil {
			consent[tm.Pair] = map[MemberID]string{}
		}
		consent[tm.Pair][tm.Member] = tm.Share
	}
	var out []Quote
	for _, tm := range all {
		if tm.Text == "" || tm.Share != ShareAnonymous && tm.Share != ShareName {
			continue
		}
		q := Quote{Testimonial: tm}
		if tm.Share == ShareName && bothNamed(consent[tm.Pair], tm.Member) {
			q.Name = firstName(names(tm.Member))
		}
		out = append(out, q)
	}
	return out
}

// bothNamed reports whether the author and another member of the pair
// both consented to their first name.
func bothNamed(pair map[MemberID]string, author MemberID) bool {
	for m, share := range pair {
		if m != author && share == ShareName {
			return true
		}
	}
	return false
}

// maxQuotesShown is how many quotes the list in chat shows; the files
// hold them all.
const maxQuotesShown = 10

// runAdminTestimonials lists the testimonials that may be shared, or,
// with format:csv or format:markdown, sends them all as a file.
func runAdminTestimonials(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	t := in.Member.Tenant()
	all, err := b.store.followups.Testimonials(ctx, t)
	if err != nil {
		return Reply{}, err
	}
	names := func(id MemberID) string {
		m, err := b.store.members.GetMember(ctx, id)
		if err != nil {
			return ""
		}
		return m.Name
	}
	elsewhere := 0 // shareable quotes outside the program asked for
	program := ""
	if name := strings.TrimSpace(unquote(in.Text("program"))); name != "" {
		p, err := b.programNamed(ctx, t, name)
		if err != nil {
			return Reply{}, err
		}
		program = p.Name
		others := slices.DeleteFunc(slices.Clone(all), func(tm Testimonial) bool { return tm.Program == string(p.ID) })
		elsewhere = len(shareQuotes(others, func(MemberID) string { return "" }))
		all = slices.DeleteFunc(all, func(tm Testimonial) bool { return tm.Program != string(p.ID) })
	}
	quotes := shareQuotes(all, names)
	if len(quotes) == 0 && program != "" {
		// None in the program: said of the program, not of them all.
		text := T(in.Lang, "admin.testimonials.none_in", "program", program)
		if elsewhere > 0 {
			text += " " + T(in.Lang, "admin.testimonials.elsewhere", "n", itoa(elsewhere))
		}
		return Reply{Message: Message{Text: text}}, nil
	}
	format := in.Text("format")
	if format == "" {
		return Reply{Message: quotesMessage(in.Lang, quotes)}, nil
	}
	if len(quotes) == 0 {
		return Reply{Message: Message{Text: T(in.Lang, "admin.testimonials.none")}}, nil
	}
	p, err := b.tenantPlatform(t)
	if err != nil {
		return Reply{}, err
	}
	up, ok := p.(Uploader)
	if !ok {
		return Reply{}, Errorf(EINVALID, "err.admin.cannot_upload")
	}
	now := b.clock.Now().In(b.location(ctx, t))
	f := File{Name: "mentorbot-testimonials-" + now.Format(time.DateOnly) + ".csv", Type: "text/csv", Data: TestimonialsCSV(in.Lang, quotes)}
	if format == "markdown" {
		f = File{Name: "mentorbot-testimonials-" + now.Format(time.DateOnly) + ".md", Type: "text/markdown", Data: TestimonialsMarkdown(in.Lang, quotes)}
	}
	count := []string{"n", Number(in.Lang, len(quotes))}
	msg := Message{Title: T(in.Lang, "admin.testimonials.file_title"), Text: T(in.Lang, "admin.testimonials.file", count...)}
	if err := up.SendFile(ctx, in.Member, f, msg); err != nil {
		return Reply{}, err
	}
	b.log.Info("testimonials sent", "tenant", t.String(), "to", in.Member.String(), "quotes", len(quotes), "format", format)
	return Reply{Message: Message{Text: T(in.Lang, "admin.testimonials.done", count...)}}, nil
}

// quotesMessage lists quotes in chat, the first maxQuotesShown of them.
func quotesMessage(lang Lang, quotes []Quote) Message {
	if len(quotes) == 0 {
		return Message{Text: T(lang, "admin.testimonials.none")}
	}
	lines := []string{T(lang, "admin.testimonials.intro")}
	for i, q := range quotes {
		if i == maxQuotesShown {
			lines = append(lines, T(lang, "admin.testimonials.more", "n", Number(lang, len(quotes)-i)))
			break
		}
		lines = append(lines, "• "+T(lang, "admin.testimonials.quote", "text", quotedWords(lang, q.Text), "by", quoteAuthor(lang, q)))
	}
	return Message{Title: T(lang, "admin.testimonials.title", "n", Number(lang, len(quotes))), Text: strings.Join(lines, "\n")}
}

// quoteAuthor is how a quote is signed: "Ada, mentee (go)" or "a mentee (go)".
func quoteAuthor(lang Lang, q Quote) string {
	if q.Name != "" {
		return T(lang, "admin.testimonials.by_name", "name", q.Name, "role", T(lang, "admin.testimonials.role_"+q.Role), "topic", q.Topic)
	}
	return T(lang, "admin.testimonials.by_"+q.Role, "topic", q.Topic)
}

// TestimonialColumns are the columns of the testimonials' CSV.
var TestimonialColumns = []string{"program", "topic", "role", "name", "shared_as", "text", "written"}

// TestimonialsCSV writes quotes as CSV (RFC 4180), one header line then
// one row per quote; cells a spreadsheet would read as a formula are
// defused as in ExportCSV, and a topic the bot stored in place of the
// members' words (OpenTopic) is written in lang, the manager's.
func TestimonialsCSV(lang Lang, quotes []Quote) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(TestimonialColumns)
	for _, q := range quotes {
		shared := ShareAnonymous
		if q.Name != "" {
			shared = ShareName
		}
		cells := []string{q.Program, storedText(lang, q.Topic), q.Role, q.Name, shared, q.Text, csvTime(q.At)}
		for i := range cells {
			cells[i] = csvSafe(cells[i])
		}
		_ = w.Write(cells)
	}
	w.Flush()
	return buf.Bytes()
}

// TestimonialsMarkdown writes quotes as Markdown for a newsletter, in the
// manager's language: one block quote each, signed. Markdown's special
// characters in a quote are escaped, so that it reads as typed.
func TestimonialsMarkdown(lang Lang, quotes []Quote) []byte {
	var b strings.Builder
	b.WriteString("# " + T(lang, "admin.testimonials.md_title") + "\n")
	for _, q := range quotes {
		b.WriteString("\n> " + mdEscape(q.Text) + "\n>\n> — " + mdEscape(quoteAuthor(lang, q)) + "\n")
	}
	return []byte(b.String())
}

// mdEscaper escapes what Markdown (CommonMark) would read as markup.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`)

func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		s = `\` + s // not a list item
	}
	return s
}
