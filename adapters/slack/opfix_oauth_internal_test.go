package slack

import "testing"

// TestAuthorizeURLFollowsAPI: installs by OAuth send the installer to
// the consent page of the Slack whose Web API the bot calls: GovSlack's
// for slack-gov.com; slack.com's for slack.com, or for a host that is no
// Slack domain (an egress proxy, a fake), which browsers cannot reach.
func TestAuthorizeURLFollowsAPI(t *testing.T) {
	for api, want := range map[string]string{
		"https://slack-gov.com/api/":       "https://slack-gov.com/oauth/v2/authorize",
		"https://api.slack-gov.com/api/":   "https://slack-gov.com/oauth/v2/authorize",
		"":                                 "https://slack.com/oauth/v2/authorize",
		"https://slack.com/api/":           "https://slack.com/oauth/v2/authorize",
		"http://egress.internal:8080/api/": "https://slack.com/oauth/v2/authorize",
		"http://notslack-gov.com/api/":     "https://slack.com/oauth/v2/authorize",
	} {
		o := Options{BotToken: "xoxb-1", SigningSecret: "s", APIURL: api}
		if err := o.defaults(); err != nil {
			t.Fatal(err)
		}
		if o.AuthorizeURL != want {
			t.Errorf("SLACK_API_URL=%s: got %s, want %s", api, o.AuthorizeURL, want)
		}
	}
	o := Options{BotToken: "xoxb-1", SigningSecret: "s", APIURL: "https://slack-gov.com/api/", AuthorizeURL: "https://slack.test/oauth/v2/authorize"}
	if err := o.defaults(); err != nil || o.AuthorizeURL != "https://slack.test/oauth/v2/authorize" {
		t.Errorf("got %s, %v; want the AuthorizeURL given", o.AuthorizeURL, err)
	}
}
