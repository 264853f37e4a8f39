package vn.situationroom.intake;

/** What a visit or petition asks for (nội dung); the JSON code is the constant's name. */
public enum Content {
    /** A complaint about a decision or act (khiếu nại). */
    COMPLAINT,
    /** A denunciation of a violation (tố cáo); the denouncer's identity is secret by law. */
    DENUNCIATION,
    /** A recommendation (kiến nghị). */
    RECOMMENDATION,
    /** A reflection on a situation (phản ánh). */
    REFLECTION,
    /** Several of these at once. */
    MIXED
}
