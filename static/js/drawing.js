/* Samen op weg: draw on the screen, saved as a PNG through the ordinary upload field.
 *
 * The drawing form (child_voice/drawing_form.html) has a file field that works without
 * JavaScript: a photo of a paper drawing. With JavaScript, the hidden pad [data-drawing-pad]
 * appears: a <canvas> to draw on with a finger, a pen or the mouse (pointer events). After
 * every stroke the canvas is put, as a PNG file, into that same file field (DataTransfer), so
 * the form posts it like any upload and the server checks and re-encodes it the same way.
 * Nothing is sent anywhere else; no inline script (the page's CSP forbids it).
 */
(function () {
  "use strict";

  function setup(pad) {
    var input = document.querySelector("input[type=file][name=picture]");
    var canvas = pad.querySelector("canvas");
    if (!input || !canvas || !canvas.getContext || typeof DataTransfer === "undefined") {
      return; // the plain upload stays
    }
    var ctx = canvas.getContext("2d");
    var colour = pad.querySelector("[data-colour]");
    var width = pad.querySelector("[data-width]");
    var drawing = false;
    var drawn = false;
    var last = null;

    function blank() {
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }

    function point(event) {
      var box = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - box.left) * canvas.width) / box.width,
        y: ((event.clientY - box.top) * canvas.height) / box.height,
      };
    }

    function keep() {
      canvas.toBlob(function (blob) {
        if (!blob) {
          return;
        }
        var file = new File([blob], "tekening.png", { type: "image/png" });
        var transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, "image/png");
    }

    canvas.addEventListener("pointerdown", function (event) {
      drawing = true;
      last = point(event);
      canvas.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) {
        return;
      }
      var next = point(event);
      ctx.strokeStyle = colour ? colour.value : "#1d3557";
      ctx.lineWidth = width ? Number(width.value) : 6;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(next.x, next.y);
      ctx.stroke();
      last = next;
      drawn = true;
      event.preventDefault();
    });
    function stop() {
      if (drawing && drawn) {
        keep();
      }
      drawing = false;
    }
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    var clear = pad.querySelector("[data-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        blank();
        drawn = false;
        input.value = "";
      });
    }
    blank();
    pad.hidden = false;
  }

  function start() {
    document.querySelectorAll("[data-drawing-pad]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
