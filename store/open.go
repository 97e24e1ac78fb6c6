package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Open connects to the Redis that url names and checks that it answers,
// in the mode it names:
//
//	redis://[:password@]host:6379/0         one node (rediss:// for TLS, unix:// for a socket)
//	redis+cluster://[:password@]h1:p1,h2:p2 a Redis Cluster, from any of its nodes (rediss+cluster:// for TLS)
//	redis+sentinel://[:password@]s1:26379,s2:26379/mymaster[/db]
//	                                        the master that Sentinel names mymaster (rediss+sentinel://)
//
// Query parameters are go-redis's options (dial_timeout=3s, pool_size=20,
// ...); a numeric one out of the range mentorbot runs with is refused
// (url_options.go). A sentinel URL's password is the data nodes' password; the
// sentinels' own is sentinel_password= in the query.
//
// A single-node URL that names a node in cluster mode is refused at Open:
// such a client would get MOVED for most keys (see checkMode).
func Open(ctx context.Context, rawURL string) (*Store, error) {
	s, err := open(ctx, rawURL)
	if err != nil {
		return nil, redact(err, rawURL)
	}
	return s, nil
}

// redact takes the URL's password out of an error: the URL parsers quote
// the URL they fail on, and the error goes to the log.
func redact(err error, rawURL string) error {
	_, rest, _ := strings.Cut(rawURL, "://")
	userinfo, _, _ := splitHosts(rest)
	_, pw, ok := strings.Cut(strings.TrimSuffix(userinfo, "@"), ":")
	if !ok || pw == "" || !strings.Contains(err.Error(), pw) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), pw, "xxxxx"))
}

func open(ctx context.Context, rawURL string) (*Store, error) {
	dial, err := parseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("parse REDIS_URL: %w", err)
	}
	return dial(ctx)
}

// CheckURL reports whether Open can read rawURL, without connecting to
// anything: cmd checks REDIS_URL with it at start, before it dials. The
// error says what is wanted and never holds the URL's password.
func CheckURL(rawURL string) error {
	if _, err := parseURL(rawURL); err != nil {
		return redact(err, rawURL)
	}
	return nil
}

// wantURL is what a Redis URL looks like, for the errors that refuse one.
const wantURL = "want a URL such as redis://host:6379/0 or redis+cluster://host1:port,host2:port"

// parseURL reads rawURL in the mode its scheme names, and returns what
// dials it.
func parseURL(rawURL string) (func(context.Context) (*Store, error), error) {
	scheme, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return nil, errors.New(wantURL)
	}
	switch scheme {
	case "redis+cluster", "rediss+cluster":
		opt, err := parseCluster(strings.TrimSuffix(scheme, "+cluster"), rest)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) (*Store, error) { return DialCluster(ctx, opt) }, nil
	case "redis+sentinel", "rediss+sentinel":
		opt, err := parseSentinel(strings.TrimSuffix(scheme, "+sentinel"), rest)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) (*Store, error) { return DialSentinel(ctx, opt) }, nil
	case "redis", "rediss", "unix":
	default:
		// go-redis would say "invalid URL scheme": say what is wanted.
		return nil, fmt.Errorf("%s (or rediss://, unix://, redis+sentinel://), got scheme %q", wantURL, clipScheme(scheme))
	}
	if u, err := url.Parse(rawURL); err == nil { // else go-redis says why
		if err := checkOptions(u.Query()); err != nil {
			return nil, err
		}
	}
	opt, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	if err := checkDB(opt.DB, "(after the host: redis://host:6379/0, or db=)"); err != nil {
		return nil, err
	}
	return func(ctx context.Context) (*Store, error) { return Dial(ctx, opt) }, nil
}

// clipScheme is a scheme fit to be quoted in an error: short, and only
// what a scheme may hold, so that a value pasted in the wrong variable
// (a password, a token) is not printed.
func clipScheme(s string) string {
	if len(s) > 16 || strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
	}) >= 0 {
		return "…"
	}
	return s
}

// splitHosts splits "user:pw@h1:p1,h2:p2/path?query" into the part
// before the hosts, the hosts, and the part after them.
func splitHosts(rest string) (userinfo string, hosts []string, tail string) {
	authority, tail := rest, ""
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		authority, tail = rest[:i], rest[i:]
	}
	if i := strings.LastIndex(authority, "@"); i >= 0 {
		userinfo, authority = authority[:i+1], authority[i+1:]
	}
	for _, h := range strings.Split(authority, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hosts = append(hosts, h)
		}
	}
	return userinfo, hosts, tail
}

// parseCluster reads the part after redis+cluster:// (hosts separated by
// commas) as go-redis's cluster URL, whose extra nodes are addr= params.
func parseCluster(scheme, rest string) (*redis.ClusterOptions, error) {
	userinfo, hosts, tail := splitHosts(rest)
	if len(hosts) == 0 {
		return nil, errors.New("want redis+cluster://host1:port,host2:port: the URL names no node")
	}
	path, query, _ := strings.Cut(tail, "?")
	if db := strings.Trim(path, "/"); db != "" && db != "0" {
		return nil, fmt.Errorf("want no path or /0 after a cluster's nodes (a cluster has only database 0), got path %q", path)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, err
	}
	if err := checkOptions(q); err != nil {
		return nil, err
	}
	for _, h := range hosts[1:] {
		q.Add("addr", h)
	}
	u := scheme + "://" + userinfo + hosts[0]
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return redis.ParseClusterURL(u)
}

// parseSentinel reads the part after redis+sentinel:// (sentinels
// separated by commas, then /master-name[/db]).
func parseSentinel(scheme, rest string) (*redis.FailoverOptions, error) {
	userinfo, hosts, tail := splitHosts(rest)
	if len(hosts) == 0 {
		return nil, errors.New("want redis+sentinel://host1:26379,host2:26379/mymaster: the URL names no sentinel")
	}
	path, query, _ := strings.Cut(tail, "?")
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, err
	}
	if err := checkOptions(q); err != nil {
		return nil, err
	}
	if len(parts) > 0 {
		q.Set("master_name", parts[0])
	}
	if q.Get("master_name") == "" {
		return nil, errors.New("want redis+sentinel://host1:26379/mymaster: the URL names no master after the sentinels")
	}
	db := ""
	if len(parts) > 1 {
		db = "/" + parts[1]
	}
	pw := q.Get("sentinel_password")
	q.Del("sentinel_password")
	for _, h := range hosts[1:] {
		q.Add("addr", h)
	}
	opt, err := redis.ParseFailoverURL(scheme + "://" + hosts[0] + db + "?" + q.Encode())
	if err != nil {
		return nil, err
	}
	if err := checkDB(opt.DB, "(after the master's name: redis+sentinel://host:26379/mymaster/0, or db=)"); err != nil {
		return nil, err
	}
	// The URL's userinfo is the data nodes' credentials, as in redis://.
	if userinfo != "" {
		u, err := url.Parse("redis://" + userinfo + "x")
		if err != nil {
			return nil, err
		}
		opt.Username = u.User.Username()
		opt.Password, _ = u.User.Password()
	}
	opt.SentinelUsername, opt.SentinelPassword = "", pw
	return opt, nil
}

// timeouts are mentorbot's defaults for every kind of client. Fail fast
// when Redis is down: a member waiting on a chat platform's 3-second
// deadline is better told "try again" than kept waiting through
// go-redis's default 3 retries of 5 dials each.
type timeouts struct {
	maxRetries, dialerRetries             *int
	dialerRetryTimeout, dial, read, write *time.Duration
	contextTimeoutEnabled                 *bool
}

func (t timeouts) fill() {
	*t.contextTimeoutEnabled = true
	setDefault(t.maxRetries, 1)
	setDefault(t.dialerRetries, 2)
	setDefault(t.dialerRetryTimeout, 50*time.Millisecond)
	setDefault(t.dial, Timeout)
	setDefault(t.read, Timeout)
	setDefault(t.write, Timeout)
}

func setDefault[T comparable](p *T, v T) {
	var zero T
	if *p == zero {
		*p = v
	}
}

// Dial connects to one node with explicit options, filling in mentorbot's
// timeouts.
func Dial(ctx context.Context, opt *redis.Options) (*Store, error) {
	timeouts{&opt.MaxRetries, &opt.DialerRetries, &opt.DialerRetryTimeout,
		&opt.DialTimeout, &opt.ReadTimeout, &opt.WriteTimeout, &opt.ContextTimeoutEnabled}.fill()
	c := redis.NewClient(opt)
	addBreaker(c, opt.ReadTimeout) // a stalled Redis fails calls at once (breaker.go)
	return connect(ctx, c, opt.Addr)
}

// DialCluster connects to a Redis Cluster, filling in mentorbot's
// timeouts.
func DialCluster(ctx context.Context, opt *redis.ClusterOptions) (*Store, error) {
	timeouts{&opt.MaxRetries, &opt.DialerRetries, &opt.DialerRetryTimeout,
		&opt.DialTimeout, &opt.ReadTimeout, &opt.WriteTimeout, &opt.ContextTimeoutEnabled}.fill()
	c := redis.NewClusterClient(opt)
	// One breaker per master: one that stalls fails its own slots at once,
	// not the others' (breaker.go).
	c.OnNewNode(func(n *redis.Client) { addBreaker(n, opt.ReadTimeout) })
	return connect(ctx, c, strings.Join(opt.Addrs, ","))
}

// DialSentinel connects to the master that Sentinel names, filling in
// mentorbot's timeouts. The client follows a failover.
func DialSentinel(ctx context.Context, opt *redis.FailoverOptions) (*Store, error) {
	timeouts{&opt.MaxRetries, &opt.DialerRetries, &opt.DialerRetryTimeout,
		&opt.DialTimeout, &opt.ReadTimeout, &opt.WriteTimeout, &opt.ContextTimeoutEnabled}.fill()
	c := redis.NewFailoverClient(opt)
	addBreaker(c, opt.ReadTimeout) // as Dial (breaker.go)
	return connect(ctx, c, opt.MasterName+" via "+strings.Join(opt.SentinelAddrs, ","))
}

// connect checks that the client's Redis answers, in the mode the client
// expects, and closes the client if not.
func connect(ctx context.Context, rdb redis.UniversalClient, where string) (*Store, error) {
	s := New(rdb)
	err := s.Ping(ctx)
	if err == nil {
		err = checkMode(ctx, rdb, where)
	} else if _, cluster := rdb.(*redis.ClusterClient); cluster && strings.Contains(err.Error(), "cluster support disabled") {
		// Which variable named it as a cluster (REDIS_URL or
		// REDIS_CLUSTER_ADDRS) is the caller's to say: ErrNotCluster.
		err = fmt.Errorf("redis at %s is %w: name it as one node, redis://host:port/0, or enable cluster mode on the servers: %w", where, ErrNotCluster, err)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// ErrNotCluster is returned by Open when a cluster URL
// (redis+cluster://) names a Redis that is not in cluster mode.
var ErrNotCluster = errors.New("not in cluster mode")

// ErrClusterNode is returned by Open when a single-node URL (redis://)
// names a node of a Redis Cluster. Such a client reaches only the slots
// that node serves, and every other key fails with MOVED while the node
// still answers PING.
var ErrClusterNode = errors.New("REDIS_URL names one node of a Redis Cluster")

// checkMode refuses a single-node client on a node in cluster mode. A
// Redis that cannot say (INFO refused, or an embedded Redis without the
// section) is taken as it is.
func checkMode(ctx context.Context, rdb redis.UniversalClient, where string) error {
	c, ok := rdb.(*redis.Client)
	if !ok {
		return nil // a cluster client routes by slot; a sentinel client follows its master
	}
	info, err := c.Info(ctx, "cluster").Result()
	if err != nil || !strings.Contains(info, "cluster_enabled:1") {
		return nil
	}
	return fmt.Errorf("%w: %s is in cluster mode, where a single-node client fails with MOVED on most keys: set REDIS_URL=redis+cluster://%s (or list more nodes: redis+cluster://host1:port,host2:port, or REDIS_CLUSTER_ADDRS)",
		ErrClusterNode, where, where)
}
