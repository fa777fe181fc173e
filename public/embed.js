// Sizes this site's embedded sign forms to their content on a partner's page. Include it once, after
// the iframe(s): <script src="https://…/embed.js" async></script>. The frames send only their height.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "delegation-embed-height" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.round(data.height), 80), 20000) + "px";
      }
    }
  });
})();
