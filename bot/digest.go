package bot

import (
	"context"
	"math"
	"time"
)

// digestLease is how long a digest delivery is reserved for the replica
// posting it; after that, a replica that died is replaced.
const digestLease = 10 * time.Minute

// Digest builds the weekly digest of the workspace at now, in its language
// (Settings.DefaultLang): the message, and the chart of the last ChartWeeks
// weeks as a PNG (nil without Config.Chart or if it could not be drawn:
// the message stands alone).
// The week reported is the last complete one, Monday to Sunday in the
// workspace's time zone, so the digest reads best on a Monday morning.
func (b *Bot) Digest(ctx context.Context, t Tenant, now time.Time) (Message, []byte, error) {
	return b.digest(ctx, t, now, b.settings(ctx, t).DefaultLang)
}

func (b *Bot) digest(ctx context.Context, t Tenant, now time.Time, lang Lang) (Message, []byte, error) {
	r, err := b.Report(ctx, t, now)
	if err != nil {
		return Message{}, nil, err
	}
	return digestMessage(lang, r), b.drawChart(t, lang, r), nil
}

// PostDigest posts the weekly digest in the managers' channel (Settings.
// DigestChannel), with its chart when the platform is an Uploader, else
// without it through Poster. It posts once per week reported, whatever
// cron, retries and replicas do: the delivery is marked "digest:<week>"
// in the store. It does nothing without a channel or a platform that can
// post; ESTALE means another replica is posting it right now.
func (b *Bot) PostDigest(ctx context.Context, t Tenant, now time.Time) error {
	s, p, err := b.managersChannel(ctx, t)
	if p == nil {
		return err
	}
	up, canUpload := p.(Uploader)
	poster, canPost := p.(Poster)
	if !canUpload && !canPost {
		b.log.Info("digest: platform cannot post", "tenant", t.String())
		return nil
	}
	week := WeekOf(weekStart(now.In(b.location(ctx, t))).AddDate(0, 0, -7))
	return b.once(ctx, t, "digest:"+week, digestLease, func(ctx context.Context) error {
		msg, png, err := b.Digest(ctx, t, now)
		if err != nil {
			return err
		}
		msg.Lang = s.DefaultLang
		if canUpload && (png != nil || !canPost) {
			err = up.Upload(ctx, t, s.DigestChannel, File{Name: "digest-" + week + ".png", Type: "image/png", Data: png}, msg)
		} else {
			err = poster.Post(ctx, t, s.DigestChannel, msg)
		}
		if err == nil {
			b.log.Info("digest posted", "tenant", t.String(), "week", week)
		}
		return err
	})
}

// Chart is the data of the digest's chart, for Config.Chart: counts on
// one panel (pairs formed, meetings confirmed), the average rating from 1
// to 5 on another, one value per week, NaN for a week without a rating.
type Chart struct {
	Title  string
	Weeks  []string // x labels, oldest first
	Counts []ChartSeries
	Rating ChartSeries
	// Bars draws Counts as grouped bars in one panel, one group per x
	// label, and no Rating (the needs survey's demand and supply).
	Bars bool
}

// ChartSeries is one line of a Chart.
type ChartSeries struct {
	Label  string
	Values []float64
}

// drawChart draws the chart of a report, nil without Config.Chart or when
// it fails (logged: the message stands alone).
func (b *Bot) drawChart(t Tenant, lang Lang, r Report) []byte {
	if b.cfg.Chart == nil {
		return nil
	}
	png, err := b.cfg.Chart(digestChart(lang, r))
	if err != nil {
		b.log.Error("digest chart", "tenant", t.String(), "err", err)
		return nil
	}
	return png
}

// digestChart lays out pairs formed, meetings confirmed and the average
// rating of the report's weeks.
func digestChart(lang Lang, r Report) Chart {
	return weeksChart(lang, T(lang, "digest.chart.title", "weeks", itoa(len(r.Weeks))), r.Weeks)
}

// weeksChart lays out pairs formed, meetings confirmed and the average
// rating of some weeks: the digest's chart, and a program's.
func weeksChart(lang Lang, title string, weeks []WeekFigures) Chart {
	c := Chart{
		Title:  title,
		Counts: []ChartSeries{{Label: T(lang, "digest.pairs")}, {Label: T(lang, "digest.meetings")}},
		Rating: ChartSeries{Label: T(lang, "digest.rating")},
	}
	for _, f := range weeks {
		c.Weeks = append(c.Weeks, T(lang, "digest.chart.week", "n", f.Week[max(0, len(f.Week)-2):]))
		c.Counts[0].Values = append(c.Counts[0].Values, float64(f.Pairs))
		c.Counts[1].Values = append(c.Counts[1].Values, float64(f.Meetings))
		avg, ok := f.AverageRating()
		if !ok {
			avg = math.NaN()
		}
		c.Rating.Values = append(c.Rating.Values, avg)
	}
	return c
}
