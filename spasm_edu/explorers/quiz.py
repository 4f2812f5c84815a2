"""Quiz explorer: questions from data/quiz.csv with feedback on every answer.

The answer is never shown before an attempt. Each wrong choice has its own feedback that says
why it is wrong; the right choice's feedback explains the reasoning.
"""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import STYLE
from spasm_edu.text import esc


class Quiz:
    """A quiz for one notebook: one radio group and a Check button per question, and a score."""

    def __init__(self, notebook: str):
        self.questions = [q for q in facts.table("quiz.csv") if q.notebook == notebook]
        if not self.questions:
            raise ValueError(f"notebook {notebook!r} has no questions in data/quiz.csv")
        self.answers: dict[str, str] = {}  # question_id -> first checked letter
        self.choices: dict[str, w.RadioButtons] = {}
        self.feedback: dict[str, w.HTML] = {}
        self.buttons: dict[str, w.Button] = {}
        boxes = [w.HTML(STYLE)]
        for n, q in enumerate(self.questions, start=1):
            radio = w.RadioButtons(
                options=[(f"{x}) {c}", x) for x, c, _ in q.choices()],
                value=None,
                layout=w.Layout(width="auto"),
            )
            button = w.Button(
                description="Check my answer",
                button_style="primary",
                tooltip=f"Check your answer to question {n}",
            )
            fb = w.HTML()
            button.on_click(lambda _b, qid=q.question_id: self.check(qid))
            self.choices[q.question_id], self.buttons[q.question_id] = radio, button
            self.feedback[q.question_id] = fb
            boxes.append(
                w.VBox(
                    [
                        w.HTML(f"<p><strong>Question {n}.</strong> {esc(q.question)}</p>"),
                        radio,
                        button,
                        fb,
                    ]
                )
            )
        self.score = w.HTML(self._score_text())
        boxes.append(self.score)
        self.widget = w.VBox(boxes)
        self.widget.add_class("spasm-explorer")

    def check(self, question_id: str) -> bool | None:
        """Mark the chosen answer; returns True/False, or None when nothing is chosen yet."""
        q = facts.table("quiz.csv")[question_id]
        letter = self.choices[question_id].value
        if letter is None:
            self.feedback[
                question_id
            ].value = '<p class="spasm-warning" role="status">Pick an answer first.</p>'
            return None
        self.answers.setdefault(question_id, letter)
        feedback = dict((x, f) for x, _, f in q.choices())[letter]
        right = letter == q.correct
        mark = "✔ Correct." if right else "✘ Not quite."
        self.feedback[
            question_id
        ].value = f'<p role="status"><strong>{mark}</strong> {esc(feedback)}</p>'
        self.score.value = self._score_text()
        return right

    def _score_text(self) -> str:
        right = sum(
            self.answers[q.question_id] == q.correct
            for q in self.questions
            if q.question_id in self.answers
        )
        return (
            f'<p role="status"><strong>Score (first tries): {right} of '
            f"{len(self.questions)}</strong> — {len(self.answers)} answered.</p>"
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
