// Clicking an event in the side panel marks its sentence in the text and scrolls to it;
// a link to #event-N (from the events table or an actor page) does the same on load.
(function () {
  function mark(link) {
    document.querySelectorAll(".sent.marked").forEach(function (s) { s.classList.remove("marked"); });
    document.querySelectorAll(".event-link.active").forEach(function (a) { a.classList.remove("active"); });
    var sentence = document.getElementById(link.getAttribute("data-sentence"));
    if (!sentence) { return; }
    sentence.classList.add("marked");
    link.classList.add("active");
    sentence.scrollIntoView({block: "center"});
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".event-link");
    if (!link) { return; }
    event.preventDefault();
    mark(link);
    history.replaceState(null, "", "#" + link.id);
  });
  document.addEventListener("DOMContentLoaded", function () {
    var m = /^#(event-\d+)$/.exec(location.hash);
    var link = m && document.getElementById(m[1]);
    if (link) { mark(link); }
  });
})();
