"""Keys pressed in an explorer belong to its controls, not to JupyterLab's notebook shortcuts.

In JupyterLab a notebook whose cell is not being edited is in command mode, and its single-key
shortcuts fire for whatever has the focus inside the notebook, widget outputs included: ArrowUp
and ArrowDown select another cell, Shift+arrows extend the cell selection, and letters (a
dropdown's type-to-find) insert, cut or delete cells. ipywidgets' text boxes stop those keys;
its lists and dropdowns do not (ipywidgets 8.1, JupyterLab 4.6). JupyterLab's shortcut system
(Lumino) stops looking for a shortcut at an element marked ``data-lm-suppress-shortcuts``, the
mark JupyterLab gives its own key-capturing inputs. :class:`KeyboardScope`, an invisible
anywidget, puts that mark on every control of the kit's widget that holds it (the explorer, and
the dashboard around it) as the control takes the focus, so arrows, Shift+arrows, Space, Enter
and letters act on the focused control there. Tab still moves between controls, and everywhere
else in the notebook the shortcuts are as before. Voila has no notebook shortcuts; the mark does
nothing there. The same widget names the slider handles for screen readers (see ``ESM``).

>>> scope = KeyboardScope()
>>> scope.layout.display, KEYS_CLASS
('none', 'ck-keys')
"""

from __future__ import annotations

import anywidget

__all__ = ["KeyboardScope", "KEYS_CLASS"]

#: Widgets with this class (explorers and the dashboard) keep keys to their own controls.
KEYS_CLASS = "ck-keys"

# The widget's own element is created before it is attached to the page: find the enclosing scopes
# once it is there (the next animation frames, for about two seconds at most). The same script
# names the range sliders' handles, which ipywidgets 8.1 (noUiSlider) leaves without an accessible
# name in JupyterLab and Voila alike: "Years, from" and "Years, to", after the slider's label.
ESM = """
const ATTRIBUTE = "data-lm-suppress-shortcuts";
function nameHandles(root) {
  root.querySelectorAll(".widget-slider").forEach(slider => {
    const label = slider.querySelector(".widget-label");
    const text = label ? label.textContent.trim() : "";
    const handles = slider.querySelectorAll(".noUi-handle");
    if (!text) return;
    handles.forEach(h => {
      const end = h.classList.contains("noUi-handle-lower") ? "from" : "to";
      const name = handles.length > 1 ? `${text}, ${end}` : text;
      if (h.getAttribute("aria-label") !== name) h.setAttribute("aria-label", name);
    });
    const readout = slider.querySelector(".widget-readout");
    if (readout && !readout.getAttribute("aria-label")) readout.setAttribute("aria-label", `${text} (type a value)`);
  });
}
function attach(el, tries) {
  const scopes = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.classList.contains("CLASS")) scopes.push(node);
  }
  if (!scopes.length) {
    if (tries > 0) requestAnimationFrame(() => attach(el, tries - 1));
    return;
  }
  // Lumino reads the mark from the element that has the focus (then its parents): mark each
  // control of the scope as it takes the focus. One listener per scope, however many explorers
  // (each with its own KeyboardScope) a dashboard holds.
  scopes.filter(node => !node.dataset.ckKeys).forEach(node => {
    node.dataset.ckKeys = "on";
    node.addEventListener("focusin", event => event.target.setAttribute(ATTRIBUTE, "true"));
  });
  const root = scopes[0];
  nameHandles(root);
  new MutationObserver(() => nameHandles(root)).observe(root, {childList: true, subtree: true});
}
export default { render({ el }) { attach(el, 120); } };
""".replace("CLASS", KEYS_CLASS)


class KeyboardScope(anywidget.AnyWidget):
    """Invisible: marks the enclosing ``.ck-keys`` widgets so JupyterLab's shortcuts leave their keys alone."""

    _esm = ESM

    def __init__(self, **kwargs):
        super().__init__(layout={"display": "none"}, **kwargs)
