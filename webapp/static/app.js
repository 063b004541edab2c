// Progressive enhancement only: the page works without this file.
document.addEventListener("keydown", (event) => {
  // "/" focuses the search box, as on most search sites.
  if (event.key === "/" && document.activeElement.tagName !== "INPUT") {
    event.preventDefault();
    document.getElementById("q")?.focus();
  }
});
