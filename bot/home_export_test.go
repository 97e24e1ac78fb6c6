package bot

// RenderHome exposes renderHome to the black-box tests, which give a
// home's data directly: a meeting, goals and a pause date that other
// features gather.
var RenderHome = renderHome
