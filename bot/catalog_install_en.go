package bot

// catalogInstallEN holds the sentences of installing the app in a
// workspace (install.go and the platforms' install flows), in English.
// Keys are sorted.
var catalogInstallEN = map[string]string{
	"install.not_installed": "mentorbot isn't installed in this workspace, so it can't answer here. Ask a workspace admin to add it to Slack.",
}

func init() {
	for k, v := range catalogInstallEN {
		addSentence(catalogEN, k, v)
	}
}
