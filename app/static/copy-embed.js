/* "Copy embed code" on pages that show an embed snippet. */
(function () {
  "use strict";
  var button = document.getElementById("copy-embed");
  var field = document.getElementById("embed-code");
  var status = document.getElementById("copy-status");
  if (!button || !field) return;
  button.addEventListener("click", function () {
    field.select();
    var copied = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(field.value)
      : Promise.resolve(document.execCommand && document.execCommand("copy"));
    copied.then(function () { status.textContent = "Copied"; },
                function () { status.textContent = "Select the code and copy it"; });
  });
})();
