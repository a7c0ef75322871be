/* Samen op weg: "Lees voor" next to each question of the child's feedback round. The browser reads
 * the question aloud in Flemish Dutch (speechSynthesis, nl-BE). The buttons stay hidden where the
 * browser cannot speak; the questions are on the page either way. No inline script (the CSP).
 */
(function () {
  "use strict";

  function voiceFor(lang) {
    var voices = window.speechSynthesis.getVoices() || [];
    var exact = null, dutch = null;
    for (var i = 0; i < voices.length; i++) {
      var name = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (name === lang) exact = exact || voices[i];
      else if (name.indexOf("nl") === 0) dutch = dutch || voices[i];
    }
    return exact || dutch;
  }

  function readAloud(text) {
    var synth = window.speechSynthesis;
    synth.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = "nl-BE";
    utterance.rate = 0.9;
    var voice = voiceFor("nl-be");
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
  }

  function setUp() {
    if (!("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) return;
    var buttons = document.querySelectorAll("button[data-read-aloud]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) {
        event.preventDefault();
        readAloud(event.currentTarget.getAttribute("data-read-aloud"));
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
